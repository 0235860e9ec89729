package org.checkpointlab.model.runtime;

import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.checkpoint.TaskStateSnapshot;

/** How a task reports to its job. Called from task threads and async snapshot threads; must not block. */
public interface TaskListener {

    void taskFailed(Task task, Throwable cause);

    void taskFinished(Task task);

    /** Every input of the task ended (sources: their data ran out) and its operators ran {@code endInput}. */
    void endOfDataReached(Task task);

    void acknowledgeCheckpoint(Task task, long checkpointId, TaskStateSnapshot state, SubtaskCheckpointStats stats);

    void declineCheckpoint(Task task, long checkpointId, org.checkpointlab.model.checkpoint.DeclineReason reason);
}
