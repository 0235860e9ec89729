package org.checkpointlab.model.job;

import org.checkpointlab.model.checkpoint.CheckpointFailure;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.runtime.ExecutionGraph;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.runtime.Task;

/**
 * Carries out failover for the {@link JobScheduler} (Flink's scheduler on a task failure): the
 * {@link ExecutionFailureHandler} decides whether to restart, after what delay and how much; this class cancels what
 * must go down and, after the delay, restarts the failed task's pipelined region (region failover: the job stays
 * RUNNING) or every task (full failover: the job goes RESTARTING) from the restore point, after aborting the
 * transactions pre-committed for checkpoints that never completed. Deploying the new tasks is the scheduler's.
 *
 * <p>Threading: the job's control thread; {@link #attempt}, {@link #restarts} and {@link #allRegionsRunning} are
 * read by any thread.
 */
final class JobFailover {
    private final JobScheduler scheduler;
    /** Regions waiting for their restart (region failover); changed on the control thread, read anywhere. */
    private final Set<Integer> restartingRegions = ConcurrentHashMap.newKeySet();
    private volatile int attempt;
    private volatile int restarts;

    JobFailover(JobScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The current attempt: 0 until the first restart. */
    int attempt() {
        return attempt;
    }

    int restarts() {
        return restarts;
    }

    /** Whether every region runs: none is waiting for its restart. */
    boolean allRegionsRunning() {
        return restartingRegions.isEmpty();
    }

    /**
     * A task failed ({@code task} null: a job-level failure, e.g. too many failed checkpoints). Every pending
     * checkpoint fails. If the restart strategy allows, the failed task's region restarts after the strategy's delay
     * (region failover: the job stays RUNNING, as in Flink), or every task does (full failover, job-level failures,
     * and failures once the final checkpoint is under way: the job goes RESTARTING); otherwise the job fails.
     */
    void onFailure(Task task, Throwable cause) {
        if (scheduler.status() != JobStatus.RUNNING) {
            return;
        }
        String where = task == null ? CheckpointFailure.THE_JOB : task.taskName() + " #" + task.subtaskIndex();
        if (scheduler.savepoints().jobFailed((task == null ? "the job" : where) + " failed: " + cause.getMessage())) {
            return; // the stop's savepoint completed: the job is finishing, and what it covers is committed
        }
        int region = task == null ? -1 : scheduler.deployment().regionOf(task);
        if (task != null && (region < 0 || restartingRegions.contains(region))) {
            return; // a task of a region that is already going down
        }
        String message = where + " failed: " + cause;
        ExecutionFailureHandler.FailureHandlingResult result = scheduler.failureHandler().handleFailure(
                task == null ? null : task.headOperatorId(), task == null ? -1 : task.subtaskIndex(), cause,
                scheduler.finalCheckpointRequested(), System.currentTimeMillis());
        scheduler.coordinator().failPending(org.checkpointlab.model.observe.FailureCause.taskFailed(where, cause,
                ExecutionFailureHandler.factOf(cause)));
        if (!result.restartable()) {
            scheduler.transitionTo(JobStatus.FAILING);
            scheduler.cancelDeployment();
            scheduler.coordinator().stop(CheckpointFailure.of(CheckpointFailure.Reason.JOB_FAILED));
            scheduler.end(JobStatus.FAILED, message);
            return;
        }
        if (result.global()) {
            scheduler.transitionTo(JobStatus.FAILING);
            scheduler.cancelDeployment();
            scheduler.transitionTo(JobStatus.RESTARTING);
            scheduler.control().schedule(this::restartAll, result.delayMillis());
        } else {
            restartingRegions.add(region);
            ExecutionGraph failed = scheduler.deployment().graph(region);
            try {
                failed.cancelAndJoin(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler.control().schedule(() -> restartRegion(region, failed), result.delayMillis());
        }
    }

    /** Full failover: every task restarts from the restore point. */
    private void restartAll() {
        if (scheduler.status() != JobStatus.RESTARTING) {
            return;
        }
        CompletedCheckpoint latest = scheduler.restorePoint();
        long restoredId = latest == null ? 0 : latest.id();
        // Abort the transactions pre-committed for checkpoints that never completed.
        for (SinkOutput out : scheduler.sinkStore().outputs().values()) {
            out.abortPreparedAfter(restoredId);
        }
        scheduler.counts().carry(scheduler.deployment().operatorCounts());
        restartingRegions.clear();
        recordRestart(restoredId);
        scheduler.deploy(latest);
    }

    /** Region failover: the failed region's tasks restart from the restore point; the other regions go on. */
    private void restartRegion(int region, ExecutionGraph failed) {
        if (scheduler.status() != JobStatus.RUNNING || scheduler.deployment().graph(region) != failed) {
            return;
        }
        CompletedCheckpoint latest = scheduler.restorePoint();
        long restoredId = latest == null ? 0 : latest.id();
        PipelineSpec regionPipeline = scheduler.deployment().regionPipeline(region);
        for (Map.Entry<String, SinkOutput> e : scheduler.sinkStore().outputs().entrySet()) {
            if (regionPipeline.operator(e.getKey()).isPresent()) {
                e.getValue().abortPreparedAfter(restoredId);
            }
        }
        scheduler.counts().carry(failed.operatorCounts());
        ExecutionGraph replacement = scheduler.redeployRegion(region, failed, latest);
        restartingRegions.remove(region);
        recordRestart(restoredId);
        scheduler.startRegion(replacement);
    }

    private void recordRestart(long restoredId) {
        attempt++;
        restarts++;
        scheduler.failureHandler().restarted(restoredId, System.currentTimeMillis(), !restartingRegions.isEmpty());
    }
}
