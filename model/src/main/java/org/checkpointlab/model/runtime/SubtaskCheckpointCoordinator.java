package org.checkpointlab.model.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.checkpointlab.model.checkpoint.SnapshotType;

/**
 * A subtask's side of checkpointing (Flink's {@code SubtaskCheckpointCoordinator}): the sync phase of a snapshot,
 * the checkpoints in progress here, and what the {@link BarrierHandler} asks for while barriers arrive. The async
 * phase of each checkpoint is an {@link AsyncCheckpointRunnable}; unaligned in-flight data goes through the
 * {@link ChannelStateWriter}.
 *
 * <p>Threading: task thread only, except {@link #inSyncPhase()} and {@link #asyncSnapshotsInProgress()}, which
 * observers read, and {@link #asyncPhaseEnded}, which hands its work to the task thread as mail.
 */
final class SubtaskCheckpointCoordinator implements BarrierActions {
    private final Task task;
    private final OperatorChain operatorChain;
    private final ChannelStateWriter channelStateWriter;
    private final TaskListener listener;
    private final Executor asyncExecutor;
    private final CheckpointStorage storage;
    private final TaskClock clock;
    private final Map<Long, AsyncCheckpointRunnable> pending = new HashMap<>();
    /**
     * The stop-with-savepoint this subtask snapshotted ({@link SnapshotType#SUSPEND}), or -1: while set, it emits,
     * processes and fires nothing, until the savepoint is aborted (processing resumes) or the job finishes it.
     */
    private long suspendedFor = -1;
    /** Bytes of records processed while barriers of {@link #processedForCheckpoint} were being collected. */
    private long processedDuringAlignment;
    private long processedForCheckpoint = -1;
    private volatile boolean syncPhase;
    private volatile int asyncInProgress;

    SubtaskCheckpointCoordinator(Task task, OperatorChain operatorChain, ChannelStateWriter channelStateWriter,
                                 TaskListener listener, Executor asyncExecutor, CheckpointStorage storage,
                                 TaskClock clock) {
        this.task = task;
        this.operatorChain = operatorChain;
        this.channelStateWriter = channelStateWriter;
        this.listener = listener;
        this.asyncExecutor = asyncExecutor;
        this.storage = storage;
        this.clock = clock;
    }

    Task task() {
        return task;
    }

    TaskListener listener() {
        return listener;
    }

    CheckpointStorage storage() {
        return storage;
    }

    TaskClock clock() {
        return clock;
    }

    boolean inSyncPhase() {
        return syncPhase;
    }

    int asyncSnapshotsInProgress() {
        return asyncInProgress;
    }

    /** True after the snapshot of a stop-with-savepoint, until that savepoint is aborted. */
    boolean isSuspended() {
        return suspendedFor >= 0;
    }

    /** {@code bytes} of input were processed while the barriers of {@code checkpointId} were being collected. */
    void processedDuringAlignment(long checkpointId, long bytes) {
        if (checkpointId != processedForCheckpoint) {
            processedForCheckpoint = checkpointId;
            processedDuringAlignment = 0;
        }
        processedDuringAlignment += bytes;
    }

    private long processedBytesFor(long checkpointId) {
        return processedForCheckpoint == checkpointId ? processedDuringAlignment : 0;
    }

    /** A source task takes checkpoint {@code barrier} now: it has no input to align. */
    void triggerCheckpoint(CheckpointBarrier barrier) {
        snapshot(barrier, barrier.unaligned(), 0, 0);
        if (barrier.unaligned()) {
            allBarriersReceived(barrier.checkpointId(), 0);
        }
    }

    void notifyCheckpointComplete(long checkpointId) throws Exception {
        operatorChain.notifyCheckpointComplete(checkpointId);
    }

    /** Checkpoint {@code checkpointId} failed: release what it holds here; a failed stop-with-savepoint resumes. */
    void abortCheckpoint(long checkpointId) {
        AsyncCheckpointRunnable p = pending.remove(checkpointId);
        if (p != null) {
            p.abort(channelStateWriter);
        }
        if (suspendedFor == checkpointId) {
            suspendedFor = -1; // the stop-with-savepoint failed: the job goes on
        }
    }

    /** The task ends: every checkpoint in progress here is given up. */
    void abortAll() {
        for (AsyncCheckpointRunnable p : pending.values()) {
            p.abort(channelStateWriter);
        }
        pending.clear();
    }

    /** An async phase ended (any thread): the task forgets it, and its state size is measured again. */
    void asyncPhaseEnded(AsyncCheckpointRunnable p) {
        task.mail(() -> {
            asyncInProgress--;
            pending.remove(p.checkpointId());
            operatorChain.updateStateSize();
        });
    }

    @Override
    public void blockChannel(int channel) {
        task.inputChannels().get(channel).setBlocked(true);
    }

    @Override
    public void unblockAllChannels() {
        for (Channel c : task.inputChannels()) {
            c.setBlocked(false);
        }
    }

    /**
     * The sync phase, in the task thread with processing stopped:
     * Step (1) let operators prepare (a two-phase-commit sink pre-commits);
     * Step (2) forward the barrier on every output (unaligned: ahead of the queued buffers, which become output
     * in-flight data);
     * Step (3) unaligned: the unprocessed rest of the current input buffer becomes input in-flight data;
     * Step (4) take copy-on-write snapshots of every state backend;
     * Step (5) hand the async phase to the async executor.
     */
    @Override
    public void snapshot(CheckpointBarrier barrier, boolean unaligned, long alignmentNanos, long startDelayNanos) {
        long syncStart = clock.nanoTime();
        syncPhase = true;
        long id = barrier.checkpointId();
        AsyncCheckpointRunnable p = new AsyncCheckpointRunnable(this, barrier, unaligned, alignmentNanos,
                startDelayNanos, channelStateWriter.start(id));
        try {
            operatorChain.prepareSnapshot(id);
            CheckpointBarrier outgoing = unaligned ? barrier.asUnaligned() : barrier;
            for (Channel c : task.outputChannels()) {
                if (unaligned) {
                    List<Buffer> overtaken = c.addPriorityBarrier(outgoing);
                    channelStateWriter.addOutputData(p.channelState(), c, overtaken);
                } else {
                    c.addEvent(outgoing);
                }
            }
            if (unaligned) {
                task.persistUnprocessedInput(p.channelState());
            }
            for (int i = 0; i < operatorChain.length(); i++) {
                p.setSnapshots(i, operatorChain.snapshotKeyedState(i, id, barrier.savepoint()),
                        operatorChain.snapshotOperatorState(i, id));
            }
        } catch (Exception e) {
            throw new OperatorException(task.describe(), id, e);
        } finally {
            syncPhase = false;
        }
        if (barrier.type().isSynchronous()) {
            suspendedFor = id;
        }
        if (!unaligned) {
            p.setProcessedBytes(processedBytesFor(id));
        }
        long asyncStart = clock.nanoTime();
        pending.put(id, p);
        asyncInProgress++;
        p.start(asyncExecutor, asyncStart - syncStart, asyncStart);
        if (!unaligned) {
            p.channelState().complete();
        }
    }

    @Override
    public void startPersisting(int channel, long checkpointId) {
        AsyncCheckpointRunnable p = pending.get(checkpointId);
        channelStateWriter.startPersisting(channel, p == null ? null : p.channelState());
    }

    @Override
    public void stopPersisting(int channel, long checkpointId) {
        channelStateWriter.stopPersisting(channel, checkpointId);
    }

    @Override
    public void allBarriersReceived(long checkpointId, long alignmentNanos) {
        AsyncCheckpointRunnable p = pending.get(checkpointId);
        if (p != null) {
            p.alignmentEnded(alignmentNanos);
            p.setProcessedBytes(processedBytesFor(checkpointId));
            p.channelState().complete();
        }
    }

    @Override
    public void decline(long checkpointId, org.checkpointlab.model.checkpoint.DeclineReason reason) {
        AsyncCheckpointRunnable p = pending.remove(checkpointId);
        if (p != null) {
            p.abort(channelStateWriter);
        }
        listener.declineCheckpoint(task, checkpointId, reason);
    }
}
