package org.checkpointlab.views.checkpoints;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.RestartEvent;

/**
 * The "Overview" of Flink's Checkpoints tab: how many checkpoints were triggered, are in progress, completed and
 * failed, how often the job restored, and the latest completed, failed, savepoint and restore.
 *
 * @param latestRestore the latest recovery of this job, or empty
 * @param restoredFrom  the savepoint / checkpoint path this job was started from, or {@code null}
 * @param startSavepointId the id of the savepoint the job started from, or -1
 */
public record CheckpointOverview(int triggered, int inProgress, int completed, int failed, int restored,
                                 Optional<CheckpointStats> latestCompleted, Optional<CheckpointStats> latestFailed,
                                 Optional<CheckpointStats> latestSavepoint, Optional<RestartEvent> latestRestore,
                                 String restoredFrom, long startSavepointId) {

    /** The overview of a job's checkpoint history and its recoveries, from one of its snapshots. */
    public static CheckpointOverview of(JobSnapshot s, String restoredFrom) {
        return of(s.checkpoints(), s.restarts(), restoredFrom, s.startedFromSavepointId());
    }

    /** The overview of a job's checkpoint history and its recoveries. */
    public static CheckpointOverview of(List<CheckpointStats> history, List<RestartEvent> restarts,
                                        String restoredFrom, long startSavepointId) {
        int inProgress = 0;
        int completed = 0;
        int failed = 0;
        for (CheckpointStats c : history) {
            switch (c.status()) {
                case IN_PROGRESS -> inProgress++;
                case COMPLETED -> completed++;
                case FAILED -> failed++;
            }
        }
        Comparator<CheckpointStats> byId = Comparator.comparingLong(CheckpointStats::id);
        int restored = restarts.size() + (restoredFrom == null ? 0 : 1);
        return new CheckpointOverview(history.size(), inProgress, completed, failed, restored,
                history.stream().filter(c -> c.status() == CheckpointStatus.COMPLETED && !c.savepoint()).max(byId),
                history.stream().filter(c -> c.status() == CheckpointStatus.FAILED).max(byId),
                history.stream().filter(c -> c.status() == CheckpointStatus.COMPLETED && c.savepoint()).max(byId),
                restarts.isEmpty() ? Optional.empty() : Optional.of(restarts.get(restarts.size() - 1)),
                restoredFrom, startSavepointId);
    }

    /** Whether a restore of {@code checkpointId} restored the savepoint the job started from. */
    public boolean isStartSavepoint(long checkpointId) {
        return checkpointId > 0 && checkpointId == startSavepointId;
    }
}
