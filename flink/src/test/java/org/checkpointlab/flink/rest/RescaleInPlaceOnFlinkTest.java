package org.checkpointlab.flink.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.checkpointlab.flink.EmbeddedFlinkCluster;
import org.checkpointlab.flink.FlinkRun;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.TaskSlots;
import org.checkpointlab.model.client.UnsupportedCapabilityException;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.junit.jupiter.api.Test;

/**
 * Rescaling a running job in place on the embedded Flink's real REST server: under the adaptive scheduler the
 * client declares it, and the job's keyed count goes from 2 to 3 subtasks, restored from its latest checkpoint; under
 * the default scheduler the client does not declare it and refuses the command saying which scheduler could.
 */
class RescaleInPlaceOnFlinkTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    @Test
    void underTheAdaptiveScheduler_aRunningVertexGoesFrom2To3Subtasks() throws Exception {
        try (EmbeddedFlinkCluster cluster = AdaptiveFlink.start(Map.of());
             FlinkRun run = FlinkRun.submit(cluster, AdaptiveFlink.job(500));
             RestJobClient client = RestJobClient.attach(cluster.restAddress(), run.jobId().toHexString(), POLL)) {
            assertThat(client.capabilities()).containsExactly(JobClient.Capability.RESCALE_IN_PLACE);
            assertThat(client.awaitRunning(WAIT)).isTrue();
            OperatorSpec count = client.pipeline().operators().stream()
                    .filter(o -> o.name().equals(AdaptiveFlink.COUNT)).findFirst().orElseThrow();
            assertThat(count.parallelism()).isEqualTo(2);
            assertThat(count.maxParallelism()).isEqualTo(128);
            // The job holds 2 slots (its highest parallelism) of 4: up to 4 for any vertex.
            TaskSlots slots = client.taskSlots();
            assertThat(slots).isEqualTo(new TaskSlots(AdaptiveFlink.SLOTS, 2));
            assertThat(slots.highestParallelism(2, count.maxParallelism())).isEqualTo(4);
            // Restored from a checkpoint, not from nothing: wait for one.
            assertThat(client.awaitObservation(o -> o.snapshot().checkpoints().stream()
                    .anyMatch(c -> c.status() == org.checkpointlab.model.checkpoint.CheckpointStatus.COMPLETED),
                    WAIT)).isTrue();

            long asked = System.nanoTime();
            client.rescaleInPlace(Map.of(count.id(), 3)).get(30, TimeUnit.SECONDS);

            assertThat(client.awaitObservation(o -> runningSubtasks(o.snapshot(), AdaptiveFlink.COUNT) == 3
                    && o.snapshot().subtasks().stream().allMatch(s -> s.status() == SubtaskStatus.RUNNING), WAIT))
                    .isTrue();
            System.out.printf("in-place rescale 2 -> 3: running at 3 after %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked));
            assertThat(client.pipeline().operators()).filteredOn(o -> o.id().equals(count.id()))
                    .singleElement().satisfies(o -> assertThat(o.parallelism()).isEqualTo(3));
            assertThat(client.snapshot().subtasks()).filteredOn(s -> s.taskName().equals(AdaptiveFlink.COUNT))
                    .extracting(SubtaskSnapshot::subtaskIndex).containsExactly(0, 1, 2);

            // Beyond the max parallelism: refused before anything is sent, naming the vertex.
            assertThatThrownBy(() -> client.rescaleInPlace(Map.of(count.id(), 129)).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasMessageContaining(count.id())
                    .hasMessageContaining("1..128");
            run.cancel();
        }
    }

    @Test
    void underTheDefaultScheduler_theCapabilityIsAbsent_andTheCommandIsRefusedSayingWhy() throws Exception {
        EmbeddedFlinkCluster cluster = EmbeddedFlinkCluster.shared(Map.of(), EmbeddedFlinkCluster.DEFAULT_SLOTS);
        try (FlinkRun run = FlinkRun.submit(cluster, AdaptiveFlink.job(500));
             RestJobClient client = RestJobClient.attach(cluster.restAddress(), run.jobId().toHexString(), POLL)) {
            assertThat(client.capabilities()).doesNotContain(JobClient.Capability.RESCALE_IN_PLACE);
            assertThat(client.supports(JobClient.Capability.RESCALE_IN_PLACE)).isFalse();
            String count = client.pipeline().operators().stream()
                    .filter(o -> o.name().equals(AdaptiveFlink.COUNT)).findFirst().orElseThrow().id();

            assertThatThrownBy(() -> client.rescaleInPlace(Map.of(count, 3)))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("cannot rescale a running job")
                    .hasMessageContaining("Flink's adaptive scheduler (jobmanager.scheduler: adaptive) can")
                    .hasMessageContaining("take a savepoint and restore at new parallelism");
            run.cancel();
        }
    }

    private static long runningSubtasks(JobSnapshot snapshot, String vertexName) {
        return snapshot.subtasks().stream().filter(s -> s.taskName().equals(vertexName))
                .filter(s -> s.status() == SubtaskStatus.RUNNING).count();
    }
}
