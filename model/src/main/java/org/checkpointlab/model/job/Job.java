package org.checkpointlab.model.job;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.pipeline.PipelineException;

/**
 * A running job: the public face of the engine for the desktop app, the command line and tests.
 * Every method is thread-safe and returns quickly; none blocks on a task thread except
 * {@link #awaitTermination}.
 */
public final class Job implements AutoCloseable {

    private Job() {
    }

    /** Validates the pipeline of {@code config}, deploys its tasks and starts them. */
    public static Job start(JobConfig config) throws PipelineException {
        throw new UnsupportedOperationException("engine under construction");
    }

    public JobStatus status() {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** An immutable view of the job at this moment: subtasks, channels with their buffers and barriers. */
    public JobSnapshot snapshot() {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** Triggers a checkpoint now; completes with its final statistics (completed or failed). */
    public CompletableFuture<CheckpointStats> triggerCheckpoint() {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** New options apply from the next checkpoint on. */
    public void updateCheckpointOptions(CheckpointOptions options) {
        throw new UnsupportedOperationException("engine under construction");
    }

    public CheckpointOptions checkpointOptions() {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** Waits until the job is FINISHED, CANCELED or FAILED; returns false on timeout. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** Cancels every task; the job ends CANCELED. */
    public void cancel() {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** Totals so far (or final, once terminated). */
    public JobSummary summary() {
        throw new UnsupportedOperationException("engine under construction");
    }

    @Override
    public void close() {
        cancel();
    }
}
