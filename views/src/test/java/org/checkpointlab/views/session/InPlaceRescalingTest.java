package org.checkpointlab.views.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkpointlab.model.client.JobClient.Capability;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.junit.jupiter.api.Test;

/**
 * A rescale in place through the session: the request reaches the engine with only the operators that change, the
 * activity log reports it, and once the job's snapshots show the new parallelism with every subtask running, the
 * charts get one rescale marker; an engine without the capability, or one that refuses, is reported and nothing is
 * marked.
 */
class InPlaceRescalingTest {
    private final JobSession session = new JobSession(FakeJobClient.Launcher.everyCapability(),
            TaskRunner.sameThread(), Path.of("target", "in-place-sp"), () -> 5_000L, Runnable::run);
    private final List<List<String>> problems = new ArrayList<>();
    private int accepted;

    private FakeJobClient watch(Set<Capability> capabilities) {
        FakeJobClient job = new FakeJobClient(JobConfig.of(JobSessionFeedTest.pipeline()), capabilities);
        running(job, 2);
        session.attach(job);
        return job;
    }

    /** Every subtask of the job RUNNING, {@code countSubtasks} of them for count. */
    private static void running(FakeJobClient job, int countSubtasks) {
        job.subtasks.clear();
        for (int i = 0; i < countSubtasks; i++) {
            job.subtasks.add(subtask("count", i, countSubtasks));
        }
        job.subtasks.add(subtask("numbers", 0, 2));
        job.subtasks.add(subtask("numbers", 1, 2));
        job.subtasks.add(subtask("sink", 0, 1));
    }

    private static SubtaskSnapshot subtask(String operator, int index, int parallelism) {
        return new SubtaskSnapshot(operator, List.of(operator), index, parallelism, SubtaskStatus.RUNNING, null, 0,
                0, 0, 0, 1000, 0, 0, 0, false, 0, -1);
    }

    private void rescale(Map<String, Integer> parallelism) {
        session.rescaleInPlace(parallelism, () -> accepted++, problems::add);
    }

    @Test
    void theRequestCarriesTheChangedOperators_andTheRescaleIsMarkedOnceTheJobRunsAtTheNewParallelism() {
        FakeJobClient job = watch(EnumSet.of(Capability.RESCALE_IN_PLACE));

        rescale(Map.of("count", 3, "sink", 1)); // sink stays at 1: not asked

        assertThat(job.commands).containsExactly("rescale in place {count=3}");
        assertThat(accepted).isEqualTo(1);
        assertThat(problems).isEmpty();
        assertThat(session.busyProperty().get()).isFalse();
        assertThat(session.activity()).anySatisfy(l -> assertThat(l).contains("Rescaling in place: count 2 \u2192 3"))
                .anySatisfy(l -> assertThat(l).contains("Rescale accepted: count 2 \u2192 3"));

        // Flink restarts the job: the new parallelism shows before all three subtasks run.
        job.rescaledTo(Map.of("count", 3));
        running(job, 3);
        job.subtasks.set(2, new SubtaskSnapshot("count", List.of("count"), 2, 3, SubtaskStatus.RESTORING, null, 0,
                0, 0, 0, 0, 0, 0, 0, false, 0, -1));
        session.refresh();
        assertThat(session.events()).noneMatch(e -> e.kind() == JobEvent.Kind.RESCALE);

        running(job, 3);
        session.refresh();
        assertThat(session.events()).filteredOn(e -> e.kind() == JobEvent.Kind.RESCALE).singleElement()
                .satisfies(e -> assertThat(e.description()).isEqualTo("rescaled in place: count 2 \u2192 3"))
                .satisfies(e -> assertThat(e.timestampMillis()).isEqualTo(5_000L));
        assertThat(session.activity()).anySatisfy(l -> assertThat(l).contains(
                "Rescaled in place: count 2 \u2192 3, every subtask running"));
    }

    @Test
    void anEngineWithoutTheCapability_isNotAsked_andTheUserIsToldWhy() {
        FakeJobClient job = watch(EnumSet.noneOf(Capability.class));

        rescale(Map.of("count", 3));

        assertThat(job.commands).isEmpty();
        assertThat(problems).containsExactly(List.of(
                "this job's engine cannot rescale a running job in place: rescale it through a savepoint"));
        assertThat(accepted).isZero();
    }

    @Test
    void aRefusalOfTheEngine_isReported_andNothingIsMarked() {
        FakeJobClient job = watch(EnumSet.of(Capability.RESCALE_IN_PLACE));
        job.rescaleRefusal = new IllegalArgumentException("parallelism 200 for job vertex count is outside 1..128");

        rescale(Map.of("count", 200));

        assertThat(problems).containsExactly(List.of("parallelism 200 for job vertex count is outside 1..128"));
        assertThat(session.busyProperty().get()).isFalse();
        assertThat(session.activity()).anySatisfy(l -> assertThat(l).contains("Rescale in place: parallelism 200"));
        session.refresh();
        assertThat(session.events()).noneMatch(e -> e.kind() == JobEvent.Kind.RESCALE);
    }

    @Test
    void theCurrentParallelismChangesNothing_andIsNotSent() {
        FakeJobClient job = watch(EnumSet.of(Capability.RESCALE_IN_PLACE));

        rescale(Map.of("count", 2));

        assertThat(job.commands).isEmpty();
        assertThat(problems).containsExactly(List.of("the new parallelism is the current one: nothing to rescale"));
    }
}
