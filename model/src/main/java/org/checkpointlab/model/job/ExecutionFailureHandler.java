package org.checkpointlab.model.job;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

import org.checkpointlab.model.checkpoint.CheckpointFailuresExceeded;
import org.checkpointlab.model.observe.FailureCause;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.RestartEvent;
import org.checkpointlab.model.runtime.OperatorException;

/**
 * Decides what a failure leads to (Flink's {@code ExecutionFailureHandler}): whether the job restarts (the restart
 * strategy's backoff), after how long, and whether only the failed task's region restarts or every task. Keeps the
 * job's exception history and its restart events.
 *
 * <p>Threading: {@link #handleFailure} and {@link #restarted} run on the job's control thread; the histories and
 * {@link #nextRestartAtMillis()} may be read from any thread.
 */
final class ExecutionFailureHandler {

    /**
     * What to do about one failure.
     *
     * @param restartable false: the restart strategy gives up, the job fails
     * @param delayMillis how long to wait before the restart
     * @param global      every task restarts (full failover), not only the failed task's region
     */
    record FailureHandlingResult(boolean restartable, long delayMillis, boolean global) {
    }

    private final RestartBackoff backoff;
    private final FailoverStrategy strategy;
    private final CopyOnWriteArrayList<FailureEvent> failures = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<RestartEvent> restartEvents = new CopyOnWriteArrayList<>();
    private volatile long nextRestartAtMillis = -1;
    private long lastFailureMillis;
    private long lastRestartDelay;

    ExecutionFailureHandler(RestartStrategy restartStrategy, FailoverStrategy strategy) {
        this.backoff = new RestartBackoff(restartStrategy);
        this.strategy = strategy;
    }

    /**
     * A subtask ({@code operatorId} its chain head, or null with {@code subtask} -1 for a job-level failure) failed
     * at {@code nowMillis}: records it in the exception history and decides.
     *
     * @param forceGlobal restart every task even under region failover (e.g. once the final checkpoint is under way)
     */
    FailureHandlingResult handleFailure(String operatorId, int subtask, Throwable cause, boolean forceGlobal,
                                        long nowMillis) {
        lastFailureMillis = nowMillis;
        failures.add(new FailureEvent(nowMillis, operatorId, subtask,
                String.valueOf(cause.getMessage() != null ? cause.getMessage() : cause), factOf(cause)));
        OptionalLong delay = backoff.onFailure(nowMillis);
        boolean global = operatorId == null || strategy == FailoverStrategy.FULL || forceGlobal;
        if (delay.isEmpty()) {
            return new FailureHandlingResult(false, 0, global);
        }
        lastRestartDelay = delay.getAsLong();
        nextRestartAtMillis = nowMillis + lastRestartDelay;
        return new FailureHandlingResult(true, lastRestartDelay, global);
    }

    /**
     * What caused a failure, as facts, when the lab caused it: failure injection, too many failed checkpoints (the
     * job's failure wraps the coordinator's), a failed snapshot; null for an operator's own exception.
     */
    static FailureCause factOf(Throwable cause) {
        if (cause instanceof Job.InjectedFailure injected) {
            return injected.fact();
        }
        if (cause.getCause() instanceof CheckpointFailuresExceeded exceeded) {
            return FailureCause.checkpointFailuresExceeded(exceeded.tolerable(), exceeded.lastFailure());
        }
        if (cause instanceof OperatorException o && o.checkpointId() >= 0 && o.getCause() != null) {
            return FailureCause.of(FailureCause.Kind.SNAPSHOT_FAILED, o.task(), o.checkpointId(),
                    String.valueOf(o.getCause().getMessage()));
        }
        return null;
    }

    /**
     * Tasks were deployed again at {@code nowMillis}, restored from {@code restoredCheckpointId} (0: none); with
     * {@code othersPending}, other regions still wait for their restart.
     */
    void restarted(long restoredCheckpointId, long nowMillis, boolean othersPending) {
        if (!othersPending) {
            nextRestartAtMillis = -1;
        }
        restartEvents.add(new RestartEvent(lastFailureMillis, nowMillis, restoredCheckpointId, lastRestartDelay));
    }

    /** A job-level problem that fails nothing (e.g. a file that could not be written), for the exception history. */
    void reportProblem(long nowMillis, String message) {
        failures.add(new FailureEvent(nowMillis, null, -1, message));
    }

    /** The exception history, oldest first (live; copy before handing it out). */
    List<FailureEvent> failures() {
        return failures;
    }

    /** Every recovery so far, oldest first (live; copy before handing it out). */
    List<RestartEvent> restartEvents() {
        return restartEvents;
    }

    /** When the next restart is due (epoch ms), or -1 when none is pending. */
    long nextRestartAtMillis() {
        return nextRestartAtMillis;
    }
}
