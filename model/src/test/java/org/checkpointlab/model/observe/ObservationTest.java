package org.checkpointlab.model.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.ChannelElementView.BarrierView;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;

/** What an observer (the UI) sees while a checkpoint aligns at an operator with a slow and a fast input. */
class ObservationTest {

    private static PipelineSpec fastAndSlowIntoUnion() {
        return new PipelineSpec(1, "union", List.of(
                new OperatorSpec("fast", "Fast", "sequence-source", 1, null,
                        Map.of("count", 0L, "keys", 10L, "ratePerSecond", 50_000L)),
                new OperatorSpec("slowSource", "Slow source", "sequence-source", 1, null,
                        Map.of("count", 0L, "keys", 10L, "ratePerSecond", 20_000L)),
                new OperatorSpec("slow", "Slow", "slow", 1, null, Map.of("costMicros", 100L)),
                new OperatorSpec("union", "Union", "union", 1, null, Map.of()),
                new OperatorSpec("sink", "Sink", "discard-sink", 1, null, Map.of())),
                List.of(new EdgeSpec("fast", "union", Partitioning.FORWARD),
                        new EdgeSpec("slowSource", "slow", Partitioning.FORWARD),
                        new EdgeSpec("slow", "union", Partitioning.FORWARD),
                        new EdgeSpec("union", "sink", Partitioning.FORWARD)),
                Map.of(), false);
    }

    @Test
    void duringAlignment_theObserverSeesTheBlockedChannel_theWaitingBarrier_andTheAligningSubtask()
            throws Exception {
        JobConfig config = JobConfig.of(fastAndSlowIntoUnion()).withCheckpointOptions(CheckpointOptions.defaults());
        try (Job job = Job.start(config)) {
            Thread.sleep(500); // let the slow path fill its queue
            CompletableFuture<CheckpointStats> checkpoint = job.triggerCheckpoint();
            boolean sawBlocked = false;
            boolean sawBarrierBehindBuffers = false;
            boolean sawAligning = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!checkpoint.isDone() && System.nanoTime() < deadline) {
                JobSnapshot s = job.snapshot();
                for (ChannelSnapshot c : s.channels()) {
                    if (c.toOperator().equals("union") && c.fromOperator().equals("fast") && c.blocked()) {
                        sawBlocked = true;
                    }
                    List<ChannelElementView> e = c.elements();
                    for (int i = 1; i < e.size(); i++) {
                        if (e.get(i) instanceof BarrierView b && b.checkpointId() == 1 && !b.unaligned()) {
                            sawBarrierBehindBuffers = true;
                        }
                    }
                }
                for (SubtaskSnapshot t : s.subtasks()) {
                    if (t.operatorIds().contains("union")
                            && t.barrierState() instanceof BarrierHandlerState.CollectingAligned a
                            && a.checkpointId() == 1) {
                        sawAligning = true;
                    }
                }
                Thread.sleep(2);
            }
            CheckpointStats stats = checkpoint.get(10, TimeUnit.SECONDS);
            assertThat(stats.status()).isEqualTo(CheckpointStatus.COMPLETED);
            assertThat(stats.alignmentMillis()).isPositive();
            assertThat(stats.processedInFlight()).as("bytes processed from the slow input while aligning")
                    .isPositive();
            assertThat(stats.persistedInFlight()).isZero();
            assertThat(sawBlocked).as("fast channel into the union blocked while aligning").isTrue();
            assertThat(sawBarrierBehindBuffers).as("barrier 1 queued behind buffers").isTrue();
            assertThat(sawAligning).as("union in CollectingAligned for checkpoint 1").isTrue();
            SubtaskSnapshot source = job.snapshot().subtasks().stream()
                    .filter(t -> t.operatorIds().contains("slowSource")).findFirst().orElseThrow();
            assertThat(source.backPressureLevel()).isEqualTo("HIGH");
            assertThat(source.busyMsPerSecond() + source.backPressuredMsPerSecond() + source.idleMsPerSecond())
                    .isCloseTo(1000, org.assertj.core.data.Offset.offset(1.0));
        }
    }

    @Test
    void unalignedBarrier_isSeenAtTheHeadOfItsChannel_withTheOvertakenBuffersMarkedPersisted() throws Exception {
        JobConfig config = JobConfig.of(fastAndSlowIntoUnion())
                .withCheckpointOptions(CheckpointOptions.defaults().withUnaligned(true));
        try (Job job = Job.start(config)) {
            Thread.sleep(500);
            CheckpointStats stats = job.triggerCheckpoint().get(10, TimeUnit.SECONDS);
            assertThat(stats.status()).isEqualTo(CheckpointStatus.COMPLETED);
            assertThat(stats.unaligned()).isTrue();
            assertThat(stats.persistedInFlight()).isPositive();
        }
    }
}
