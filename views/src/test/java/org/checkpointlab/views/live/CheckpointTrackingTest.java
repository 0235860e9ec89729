package org.checkpointlab.views.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.checkpointlab.views.live.LiveFixtures.ack;
import static org.checkpointlab.views.live.LiveFixtures.checkpoint;

import java.util.List;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.junit.jupiter.api.Test;

/** Ack-flash detection and the checkpoint progress text of the status strip. */
class CheckpointTrackingTest {

    @Test
    void eachAck_isReportedOnce_andPendingSubtasksAreNot() {
        AckFlashDetector detector = new AckFlashDetector();
        var first = List.of(checkpoint(1, CheckpointStatus.IN_PROGRESS, 3, ack("src", 0, 100), ack("map", 0, -1)));
        assertThat(detector.newAcks(first)).containsExactly(
                new AckFlashDetector.Ack(1, new SubtaskKey("src", 0)));
        assertThat(detector.newAcks(first)).isEmpty();

        var later = List.of(checkpoint(1, CheckpointStatus.IN_PROGRESS, 3, ack("src", 0, 100), ack("map", 0, 120),
                ack("map", 1, 121)));
        assertThat(detector.newAcks(later)).extracting(AckFlashDetector.Ack::subtask)
                .containsExactly(new SubtaskKey("map", 0), new SubtaskKey("map", 1));
    }

    @Test
    void theSameSubtaskAckingTheNextCheckpoint_flashesAgain() {
        AckFlashDetector detector = new AckFlashDetector();
        detector.newAcks(List.of(checkpoint(1, CheckpointStatus.COMPLETED, 1, ack("src", 0, 100))));
        assertThat(detector.newAcks(List.of(checkpoint(1, CheckpointStatus.COMPLETED, 1, ack("src", 0, 100)),
                checkpoint(2, CheckpointStatus.IN_PROGRESS, 1, ack("src", 0, 300)))))
                .containsExactly(new AckFlashDetector.Ack(2, new SubtaskKey("src", 0)));
    }

    @Test
    void afterReset_aNewJobsCheckpointOneFlashesAgain() {
        AckFlashDetector detector = new AckFlashDetector();
        var history = List.of(checkpoint(1, CheckpointStatus.COMPLETED, 1, ack("src", 0, 100)));
        detector.newAcks(history);
        detector.reset();
        assertThat(detector.newAcks(history)).hasSize(1);
    }

    @Test
    void progressText_saysAcknowledgedOfTotal_whileInProgress() {
        var inProgress = checkpoint(4, CheckpointStatus.IN_PROGRESS, 8, ack("a", 0, 1), ack("a", 1, 2),
                ack("b", 0, 3));
        assertThat(CheckpointProgress.text(inProgress)).isEqualTo("Checkpoint 4: 3/8 acknowledged");
        assertThat(CheckpointProgress.current(List.of(checkpoint(3, CheckpointStatus.COMPLETED, 1, ack("a", 0, 1)),
                inProgress))).isEqualTo("Checkpoint 4: 3/8 acknowledged");
        assertThat(CheckpointProgress.current(List.of())).isEmpty();
    }

    @Test
    void completionAndFailure_areAnnouncedExactlyOnce() {
        CheckpointProgress progress = new CheckpointProgress();
        var running = checkpoint(1, CheckpointStatus.IN_PROGRESS, 1);
        assertThat(progress.announcements(List.of(running))).isEmpty();

        var done = checkpoint(1, CheckpointStatus.COMPLETED, 1, ack("a", 0, 5));
        var failed = checkpoint(2, CheckpointStatus.FAILED, 2, ack("a", 0, 5));
        assertThat(progress.announcements(List.of(done, failed))).containsExactly(
                "Checkpoint 1 completed: 1/1 acknowledged in 143 ms, 10.0 KiB",
                "Checkpoint 2 failed after 1/2 acks: checkpoint expired before completing");
        assertThat(progress.announcements(List.of(done, failed))).isEmpty();
    }

    @Test
    void framePercentiles_useNearestRank() {
        FrameStats stats = new FrameStats();
        for (int i = 1; i <= 100; i++) {
            if (i % 2 == 0) {
                stats.countSample();
            }
            stats.record(i * 16_000_000L, i * 1_000_000L);
        }
        assertThat(stats.workPercentile(50)).isEqualTo(50.0);
        assertThat(stats.workPercentile(95)).isEqualTo(95.0);
        assertThat(stats.workPercentile(99)).isEqualTo(99.0);
        assertThat(stats.intervalPercentile(95)).isEqualTo(16.0);
        assertThat(stats.framesPerSecond()).isEqualTo(62.5);
        assertThat(stats.sampledFrames()).isEqualTo(50);
        assertThat(stats.sampledWorkPercentile(50)).isEqualTo(50.0);
        assertThat(stats.sampledWorkPercentile(100)).isEqualTo(100.0);
        assertThat(stats.report()).startsWith("frames: 100 (62.5 fps), 50 of them sampled the engine (31.3 per second)")
                .contains("frame time ms: p50 50.00 p95 95.00 p99 99.00");
        assertThat(new FrameStats().workPercentile(95)).isZero();
        assertThat(new FrameStats().framesPerSecond()).isZero();
    }
}
