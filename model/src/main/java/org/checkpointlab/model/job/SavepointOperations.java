package org.checkpointlab.model.job;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.checkpointlab.model.checkpoint.SnapshotType;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.runtime.TaskCommand;

/**
 * A job's savepoints: triggered ones and stop-with-savepoint, a synchronous savepoint as in Flink (FLIP-34). The
 * stop's steps run on the job's control thread; the {@link JobScheduler} tells this class when a task fails or every
 * input ended while a stop is pending.
 */
final class SavepointOperations {
    private final JobScheduler job;
    private final List<SavepointResult> written = new CopyOnWriteArrayList<>();
    /** The stop-with-savepoint under way, or null. Control thread only. */
    private StopRequest stopping;

    SavepointOperations(JobScheduler job) {
        this.job = job;
    }

    /** The savepoints this job wrote, oldest first. Any thread. */
    List<SavepointResult> written() {
        return List.copyOf(written);
    }

    /** Takes a savepoint (always aligned) and writes it to {@code directory}. Any thread. */
    CompletableFuture<SavepointResult> trigger(Path directory) {
        SavepointFiles files = new SavepointFiles(directory, job.pipeline(), written::add);
        return job.coordinator().triggerSavepoint(files::write).thenApply(state -> files.result());
    }

    /** Stop-with-savepoint, optionally draining the sources first. Any thread. */
    CompletableFuture<SavepointResult> stop(Path directory, boolean drain) {
        CompletableFuture<SavepointResult> result = new CompletableFuture<>();
        if (job.status().isTerminal()) {
            result.completeExceptionally(alreadyFinished());
            return result;
        }
        SavepointFiles files = new SavepointFiles(directory, job.pipeline(), written::add);
        job.control().execute(() -> beginStop(new StopRequest(files, drain, result)));
        return result;
    }

    private StopWithSavepointException alreadyFinished() {
        JobStatus status = job.status();
        return new StopWithSavepointException("job already " + (status == JobStatus.FINISHED ? "finished"
                : "ended " + status) + "; no savepoint taken", status == JobStatus.FINISHED);
    }

    /** The stop under way, or null. Control thread. */
    StopRequest pendingStop() {
        return stopping;
    }

    private void beginStop(StopRequest stop) {
        String refused = null;
        boolean finished = false;
        JobStatus status = job.status();
        if (status.isTerminal()) {
            stop.result.completeExceptionally(alreadyFinished());
            return;
        } else if (stopping != null) {
            refused = "a stop-with-savepoint is already in progress";
        } else if (job.finalCheckpointRequested()) {
            refused = "the job reached the end of its input first and finishes on its own; no savepoint taken";
            finished = true;
        } else if (status != JobStatus.RUNNING || !job.allRegionsRunning()) {
            refused = "the job is restarting; no savepoint taken (try again once it runs)";
        }
        if (refused != null) {
            stop.result.completeExceptionally(new StopWithSavepointException(refused, finished));
            return;
        }
        stopping = stop;
        if (stop.drain) {
            job.coordinator().holdForStop();
            // The savepoint follows once every task reached the end of its input.
            job.deployment().send(TaskCommand.drainSources());
        } else {
            takeStopSavepoint(stop, SnapshotType.SUSPEND);
        }
    }

    /** The stop's savepoint: SUSPEND without drain, TERMINATE once a drain ended every input. Control thread. */
    void takeStopSavepoint(StopRequest stop, SnapshotType type) {
        Deployment d = job.deployment();
        job.coordinator().triggerStopSavepoint(type, stop.files::write).whenComplete((state, error) ->
                job.control().execute(() -> {
                    if (stopping != stop) {
                        return;
                    }
                    if (error != null) {
                        stopFailed(stop, error);
                        return;
                    }
                    stop.completedId = state.id();
                    SavepointResult result = stop.files.result();
                    if (type == SnapshotType.TERMINATE) {
                        commitUpTo(state.id());
                        job.termination().whenComplete((s, e) -> stop.result.complete(result));
                        d.send(TaskCommand.finishSources());
                        return;
                    }
                    // Step (1) every subtask handles the completion notice (sinks commit); Step (2) the job commits
                    // what a subtask could not (it failed meanwhile); Step (3) every task stops, the job ends FINISHED.
                    d.drainMailboxes().whenComplete((v, e) -> job.control().execute(() -> {
                        commitUpTo(state.id());
                        if (!job.status().isTerminal()) {
                            job.coordinator().stop(org.checkpointlab.model.checkpoint.CheckpointFailure.of(
                                    org.checkpointlab.model.checkpoint.CheckpointFailure.Reason.JOB_STOPPED_WITH_SAVEPOINT));
                            job.cancelDeployment();
                            job.end(JobStatus.FINISHED, null);
                        }
                        stop.result.complete(result);
                    }));
                }));
    }

    /**
     * A task (or the job) failed. Control thread.
     *
     * @return true when the stop's savepoint completed: the job is finishing and what it covers is committed, so the
     *         failure changes nothing; false otherwise (a pending stop fails, saying {@code why})
     */
    boolean jobFailed(String why) {
        if (stopping != null && stopping.completedId >= 0) {
            return true;
        }
        if (stopping != null) {
            failStop(stopping, why);
        }
        return false;
    }

    /** The stop's savepoint failed: the stop fails, and a job whose inputs all ended meanwhile finishes. */
    private void stopFailed(StopRequest stop, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        failStop(stop, cause.getMessage() != null ? cause.getMessage() : cause.toString());
        if (job.status() != JobStatus.RUNNING) {
            return;
        }
        if (job.finalCheckpointRequested()) {
            job.finishBoundedJob(); // drained, but the savepoint failed: the job ends as a bounded job does
        } else {
            job.allInputsEnded(); // every input may have ended while the stop was pending
        }
    }

    private void failStop(StopRequest stop, String why) {
        stopping = null;
        job.coordinator().releaseAfterFailedStop();
        stop.result.completeExceptionally(new StopWithSavepointException("stop-with-savepoint failed: " + why
                + "; no savepoint taken, the job goes on", false));
    }

    private void commitUpTo(long checkpointId) {
        for (SinkOutput out : job.sinkStore().outputs().values()) {
            out.commitPreparedUpTo(checkpointId);
        }
    }
}
