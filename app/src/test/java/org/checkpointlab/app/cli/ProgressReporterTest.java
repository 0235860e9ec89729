package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.observe.JobStatus;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    @Test
    void progressLine_showsElapsedRecordsRateCheckpointsAndTheLastCompletedDuration() {
        JobSummary s = summary(JobStatus.RUNNING, 0,
                List.of(checkpoint(1, CheckpointStatus.COMPLETED, 40), checkpoint(2, CheckpointStatus.COMPLETED, 35),
                        checkpoint(3, CheckpointStatus.FAILED, 900), checkpoint(4, CheckpointStatus.IN_PROGRESS, -1)));

        String line = ProgressReporter.line(s, 2_469_135.4);

        assertThat(line).isEqualTo(
                "1:05  12,345,678 records  2,469,135 rec/s  checkpoints 2 completed, 1 failed, last 35 ms");
    }

    @Test
    void progressLine_showsRestartsAndAStatusOtherThanRunning() {
        JobSummary s = summary(JobStatus.RESTARTING, 2, List.of());

        String line = ProgressReporter.line(s, 0);

        assertThat(line).endsWith("checkpoints 0 completed, 0 failed  restarts 2  [RESTARTING]");
    }

    private static JobSummary summary(JobStatus status, int restarts, List<CheckpointStats> checkpoints) {
        int completed = (int) checkpoints.stream().filter(c -> c.status() == CheckpointStatus.COMPLETED).count();
        int failed = (int) checkpoints.stream().filter(c -> c.status() == CheckpointStatus.FAILED).count();
        return new JobSummary(status, 65_400, 12_345_678, 188_000, List.of(), completed, failed, checkpoints,
                restarts, List.of(), null);
    }

    static CheckpointStats checkpoint(long id, CheckpointStatus status, long endToEnd) {
        return new CheckpointStats(id, status, false, 0, 0, 4, 4, endToEnd, 1, 2, 3, 4, 1000, 1000, 0, 0, false,
                status == CheckpointStatus.FAILED ? org.checkpointlab.model.checkpoint.CheckpointFailure.other("expired") : null, List.of());
    }
}
