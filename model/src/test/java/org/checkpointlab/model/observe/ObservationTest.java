package org.checkpointlab.model.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.checkpointlab.model.Await;
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

    private static ChannelSnapshot channel(JobSnapshot s, String from, String to) {
        return s.channels().stream().filter(c -> c.fromOperator().equals(from) && c.toOperator().equals(to))
                .findFirst().orElseThrow();
    }

    private static SubtaskSnapshot subtask(JobSnapshot s, String operator) {
        return s.subtasks().stream().filter(t -> t.operatorIds().contains(operator)).findFirst().orElseThrow();
    }

    private static boolean hasBarrier(ChannelSnapshot c, long checkpointId) {
        return c.elements().stream().anyMatch(e -> e instanceof BarrierView b && b.checkpointId() == checkpointId);
    }

    /** The slow path is backpressured: its source's queue into the slow operator is full, and the source HIGH. */
    private static void awaitBackpressure(Job job) {
        Await.until(() -> {
            JobSnapshot s = job.snapshot();
            return channel(s, "slowSource", "slow").availableCredits() == 0
                    && subtask(s, "slowSource").backPressureLevel().equals("HIGH");
        }, "a full queue into the slow operator and HIGH backpressure at its source");
    }

    @Test
    void duringAlignment_theObserverSeesTheBlockedChannel_theWaitingBarrier_andTheAligningSubtask()
            throws Exception {
        JobConfig config = JobConfig.of(fastAndSlowIntoUnion()).withCheckpointOptions(CheckpointOptions.defaults());
        try (Job job = Job.start(config)) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            awaitBackpressure(job);
            SubtaskSnapshot source = subtask(job.snapshot(), "slowSource");
            assertThat(source.busyMsPerSecond() + source.backPressuredMsPerSecond() + source.idleMsPerSecond())
                    .isCloseTo(1000, org.assertj.core.data.Offset.offset(1.0));

            // Watch the checkpoint as the app's single step shows it: pause, trigger (the sources send their
            // barriers while paused), then step from barrier event to barrier event until the union aligns.
            job.setPaused(true);
            assertThat(job.awaitControlsApplied(Duration.ofSeconds(10))).isTrue();
            CompletableFuture<CheckpointStats> checkpoint = job.triggerCheckpoint();
            Await.until(() -> hasBarrier(channel(job.snapshot(), "fast", "union"), 1)
                    && hasBarrier(channel(job.snapshot(), "slowSource", "slow"), 1), "both sources to send barrier 1");
            JobSnapshot s = job.snapshot();
            for (int steps = 0; !(subtask(s, "union").barrierState() instanceof BarrierHandlerState.CollectingAligned a
                    && a.checkpointId() == 1); steps++) {
                assertThat(steps).as("steps until the union aligns, last: " + job.lastStepEvent()).isLessThan(3);
                assertThat(job.stepToNextBarrierEvent()).isTrue();
                Await.until(() -> !job.isStepping() && job.isPaused(), "the step to end at a barrier event");
                assertThat(job.awaitControlsApplied(Duration.ofSeconds(10))).isTrue();
                s = job.snapshot();
            }
            assertThat(job.lastStepEvent()).isEqualTo("barrier 1 reached union #0 from fast #0");
            assertThat(channel(s, "fast", "union").blocked()).as("fast channel into the union blocked").isTrue();
            assertThat(channel(s, "slow", "union").blocked()).as("slow channel into the union open").isFalse();
            assertThat(s.channels().stream().filter(c -> c.toOperator().equals("slow")
                    || c.fromOperator().equals("slow")).flatMap(c -> {
                        List<ChannelElementView> e = c.elements();
                        return e.subList(Math.min(1, e.size()), e.size()).stream();
                    }).anyMatch(e -> e instanceof BarrierView b && b.checkpointId() == 1 && !b.unaligned()))
                    .as("barrier 1 queued behind buffers on the slow path").isTrue();
            assertThat(checkpoint).isNotDone();

            job.setPaused(false);
            CheckpointStats stats = checkpoint.get(10, TimeUnit.SECONDS);
            assertThat(stats.status()).isEqualTo(CheckpointStatus.COMPLETED);
            assertThat(stats.alignmentMillis()).isPositive();
            assertThat(stats.processedInFlight()).as("bytes processed from the slow input while aligning")
                    .isPositive();
            assertThat(stats.persistedInFlight()).isZero();
        }
    }

    @Test
    void unalignedBarrier_isSeenAtTheHeadOfItsChannel_withTheOvertakenBuffersMarkedPersisted() throws Exception {
        JobConfig config = JobConfig.of(fastAndSlowIntoUnion())
                .withCheckpointOptions(CheckpointOptions.defaults().withUnaligned(true));
        try (Job job = Job.start(config)) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            awaitBackpressure(job);
            CheckpointStats stats = job.triggerCheckpoint().get(10, TimeUnit.SECONDS);
            assertThat(stats.status()).isEqualTo(CheckpointStatus.COMPLETED);
            assertThat(stats.unaligned()).isTrue();
            assertThat(stats.persistedInFlight()).isPositive();
        }
    }
}
