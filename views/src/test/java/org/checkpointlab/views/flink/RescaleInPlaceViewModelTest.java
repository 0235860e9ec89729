package org.checkpointlab.views.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.client.JobClient.Capability;
import org.checkpointlab.model.client.TaskSlots;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.session.FakeJobClient;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.Test;

/**
 * The rescale-in-place dialog's model: a row per job vertex with its parallelism and max parallelism, the new
 * parallelism bounded by the free task slots once the cluster told them (by the max parallelism when it does not),
 * refusals before anything is sent, and a request of the changed vertices only.
 */
class RescaleInPlaceViewModelTest {
    /** Three Flink job vertices as a watched job shows them: ids, names, max parallelism from Flink's REST. */
    private static PipelineSpec vertices() {
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "watched",
                List.of(new OperatorSpec("v1", "Source: Numbers", "flink-vertex", 1, 128, Map.of()),
                        new OperatorSpec("v2", "Count per key", "flink-vertex", 2, 128, Map.of()),
                        new OperatorSpec("v3", "Output", "flink-vertex", 1, 4, Map.of())),
                List.of(new EdgeSpec("v1", "v2", Partitioning.HASH), new EdgeSpec("v2", "v3", Partitioning.REBALANCE)),
                Map.of(), true);
    }

    private final FakeJobClient job = new FakeJobClient(JobConfig.of(vertices()),
            EnumSet.of(Capability.RESCALE_IN_PLACE));
    private final JobSession session = new JobSession(config -> job, TaskRunner.sameThread(),
            Path.of("target", "rescale-dialog-sp"));

    private RescaleInPlaceViewModel open(TaskSlots slots) {
        job.taskSlots = slots;
        session.attach(job);
        return new RescaleInPlaceViewModel(session);
    }

    private static RescaleInPlaceViewModel.Row row(RescaleInPlaceViewModel vm, String id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eachVertexIsBoundedByTheFreeSlots_andItsMaxParallelism() {
        RescaleInPlaceViewModel vm = open(new TaskSlots(4, 2)); // the job holds 2 (its highest parallelism)

        assertThat(vm.rows()).extracting(RescaleInPlaceViewModel.Row::name, RescaleInPlaceViewModel.Row::parallelism,
                RescaleInPlaceViewModel.Row::maxParallelism).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Source: Numbers", 1, 128),
                org.assertj.core.groups.Tuple.tuple("Count per key", 2, 128),
                org.assertj.core.groups.Tuple.tuple("Output", 1, 4));
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.highest().get()).isEqualTo(4));
        assertThat(vm.slotsProperty().get()).isEqualTo("2 of 4 task slots are free: a vertex can run at up to 4 "
                + "(the job holds 2, its highest parallelism)");

        row(vm, "v2").newParallelism().set(5);
        assertThat(vm.validate()).containsExactly("Count per key: the new parallelism must be 1 to 4, was 5");
    }

    @Test
    void withoutSlotsFromTheCluster_theMaxParallelismBounds() {
        RescaleInPlaceViewModel vm = open(TaskSlots.UNKNOWN);

        assertThat(row(vm, "v2").highest().get()).isEqualTo(128);
        assertThat(row(vm, "v3").highest().get()).isEqualTo(4);
        assertThat(vm.slotsProperty().get()).startsWith("The cluster does not tell its free task slots");
    }

    @Test
    void nothingChanged_isRefusedBeforeAnythingIsSent() {
        RescaleInPlaceViewModel vm = open(new TaskSlots(4, 2));

        vm.rescale();

        assertThat(vm.problems()).containsExactly(
                "The new parallelism is the current one: choose another for at least one vertex");
        assertThat(job.commands).isEmpty();
    }

    @Test
    void rescaleSendsTheChangedVerticesOnly_andSaysItWasRequested() {
        RescaleInPlaceViewModel vm = open(new TaskSlots(4, 2));
        row(vm, "v2").newParallelism().set(3);

        vm.rescale();

        assertThat(job.commands).containsExactly("rescale in place {v2=3}");
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.outcomeProperty().get()).startsWith("Requested: the graph shows the new subtasks");
        assertThat(vm.requestingProperty().get()).isFalse();
    }

    @Test
    void theClustersRefusal_showsInTheDialog() {
        RescaleInPlaceViewModel vm = open(new TaskSlots(4, 2));
        job.rescaleRefusal = new IllegalStateException("PUT http://flink/v1/jobs/x/resource-requirements answered "
                + "HTTP 500: reactive mode");
        row(vm, "v2").newParallelism().set(3);

        vm.rescale();

        assertThat(vm.problems()).singleElement().satisfies(p -> assertThat(p).contains("reactive mode"));
        assertThat(vm.outcomeProperty().get()).isEmpty();
    }
}
