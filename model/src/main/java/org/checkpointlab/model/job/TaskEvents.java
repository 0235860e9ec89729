package org.checkpointlab.model.job;

import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.checkpoint.TaskStateSnapshot;
import org.checkpointlab.model.runtime.ExecutionGraph;
import org.checkpointlab.model.runtime.Task;
import org.checkpointlab.model.runtime.TaskListener;

/**
 * What tasks report to their job, from their own threads. State changes are handed to the job's control thread,
 * where those of tasks of an earlier attempt (no longer deployed) are dropped; checkpoint acknowledgements and
 * declines go to the coordinator, which checks the checkpoint id itself.
 */
final class TaskEvents implements TaskListener {
    private final JobScheduler job;

    TaskEvents(JobScheduler job) {
        this.job = job;
    }

    @Override
    public void taskFailed(Task task, Throwable cause) {
        job.control().execute(() -> {
            if (job.deployment().regionOf(task) >= 0) {
                job.onFailure(task, cause);
            }
        });
    }

    @Override
    public void taskFinished(Task task) {
        job.control().execute(() -> {
            if (job.deployment().regionOf(task) >= 0) {
                job.onTaskFinished(task);
            }
        });
    }

    @Override
    public void endOfDataReached(Task task) {
        job.control().execute(() -> {
            if (job.deployment().regionOf(task) >= 0) {
                job.onEndOfData(task);
            }
        });
    }

    @Override
    public void acknowledgeCheckpoint(Task task, long checkpointId, TaskStateSnapshot state,
                                      SubtaskCheckpointStats stats) {
        job.coordinator().acknowledge(ExecutionGraph.taskKey(task), checkpointId, state, stats);
    }

    @Override
    public void declineCheckpoint(Task task, long checkpointId, org.checkpointlab.model.checkpoint.DeclineReason reason) {
        job.coordinator().decline(ExecutionGraph.taskKey(task), checkpointId, reason);
    }
}
