package org.checkpointlab.model.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.checkpointlab.model.checkpoint.OperatorSubtaskState;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.checkpoint.TaskStateSnapshot;
import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.OperatorStateBackend;
import org.checkpointlab.model.state.StateHandle;

/**
 * The async phase of one checkpoint at one subtask (Flink's {@code AsyncCheckpointRunnable}): writes the
 * copy-on-write state snapshots the sync phase took, waits for the checkpoint's in-flight data to be complete, then
 * acknowledges the checkpoint to the coordinator (or declines it).
 *
 * <p>Threading: fields set before {@link #start} are written by the task thread; {@link #writeState} runs on the
 * job's async executor; {@link #finish} runs on whichever thread completes last; {@link #abort} on the task thread.
 */
final class AsyncCheckpointRunnable {
    private final SubtaskCheckpointCoordinator owner;
    private final Task task;
    private final long checkpointId;
    private final CheckpointBarrier barrier;
    private final boolean unaligned;
    private final long startDelayNanos;
    private final KeyedStateBackend.KeyedSnapshot[] keyed;
    private final OperatorStateBackend.OperatorSnapshot[] operator;
    private final ChannelStateWriter.WriteResult channelState;
    private long alignmentNanos;
    private long syncNanos;
    private long asyncStartNanos;
    private long processedBytes;
    /** State bytes persisted (incremental: the delta) and the full state size; set by writeState. */
    private volatile long checkpointedStateBytes;
    private volatile long fullStateBytes;
    private volatile List<OperatorSubtaskState> written;
    private volatile boolean aborted;

    AsyncCheckpointRunnable(SubtaskCheckpointCoordinator owner, CheckpointBarrier barrier, boolean unaligned,
                            long alignmentNanos, long startDelayNanos, ChannelStateWriter.WriteResult channelState) {
        this.owner = owner;
        this.task = owner.task();
        this.checkpointId = barrier.checkpointId();
        this.barrier = barrier;
        this.unaligned = unaligned;
        this.alignmentNanos = alignmentNanos;
        this.startDelayNanos = startDelayNanos;
        this.channelState = channelState;
        int n = task.chain().size();
        this.keyed = new KeyedStateBackend.KeyedSnapshot[n];
        this.operator = new OperatorStateBackend.OperatorSnapshot[n];
    }

    long checkpointId() {
        return checkpointId;
    }

    ChannelStateWriter.WriteResult channelState() {
        return channelState;
    }

    /** Sync phase, Step (4): the snapshots of operator {@code i}'s keyed (may be null) and operator state. */
    void setSnapshots(int i, KeyedStateBackend.KeyedSnapshot keyedSnapshot,
                      OperatorStateBackend.OperatorSnapshot operatorSnapshot) {
        keyed[i] = keyedSnapshot;
        operator[i] = operatorSnapshot;
    }

    /** Unaligned: the last barrier arrived after {@code nanos} of alignment. */
    void alignmentEnded(long nanos) {
        alignmentNanos = Math.max(alignmentNanos, nanos);
    }

    void setProcessedBytes(long bytes) {
        processedBytes = bytes;
    }

    /** Hands the async phase to {@code executor}; it acknowledges once state and in-flight data are complete. */
    void start(Executor executor, long syncNanos, long asyncStartNanos) {
        this.syncNanos = syncNanos;
        this.asyncStartNanos = asyncStartNanos;
        CompletableFuture.runAsync(this::writeState, executor)
                .thenCombine(channelState.done(), (a, b) -> null)
                .whenComplete((ignored, error) -> finish(error));
    }

    /** Serializes each backend's snapshot and stores it. Runs on the async executor. */
    private void writeState() {
        try {
            List<ChainedOperator> chain = task.chain();
            int subtask = task.subtaskIndex();
            List<OperatorSubtaskState> states = new ArrayList<>();
            long checkpointedSize = 0;
            long fullSize = 0;
            for (int i = 0; i < chain.size(); i++) {
                ChainedOperator op = chain.get(i);
                StateHandle keyedHandle = null;
                KeyGroupRange range = KeyGroupRange.empty();
                if (keyed[i] != null) {
                    byte[] bytes = keyed[i].write();
                    keyedHandle = owner.storage().store(checkpointId, op.id() + "-" + subtask + ".keyed", bytes);
                    checkpointedSize += sizeOr(keyed[i].checkpointedSize(), bytes.length);
                    fullSize += sizeOr(keyed[i].fullSize(), bytes.length);
                    range = KeyGroups.rangeForOperatorIndex(op.maxParallelism(), task.parallelism(), subtask);
                }
                byte[] opBytes = operator[i].write();
                StateHandle opHandle = owner.storage().store(checkpointId, op.id() + "-" + subtask + ".operator",
                        opBytes);
                checkpointedSize += opBytes.length;
                fullSize += opBytes.length;
                states.add(new OperatorSubtaskState(op.id(), subtask, task.parallelism(), range, keyedHandle,
                        opHandle));
            }
            checkpointedStateBytes = checkpointedSize;
            fullStateBytes = fullSize;
            written = states;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After the state is written and the in-flight data is complete: acknowledge (or decline). */
    private void finish(Throwable error) {
        owner.asyncPhaseEnded(this);
        if (aborted) {
            discardWritten();
            return;
        }
        if (error != null) {
            discardWritten();
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            owner.listener().declineCheckpoint(task, checkpointId,
                    org.checkpointlab.model.checkpoint.DeclineReason.asyncPhaseFailed(task.describe(), cause.getMessage()));
            return;
        }
        TaskClock clock = owner.clock();
        long now = clock.nanoTime();
        long persistedBytes = channelState.persistedBytes();
        SubtaskCheckpointStats stats = new SubtaskCheckpointStats(task.headOperatorId(), task.subtaskIndex(),
                clock.currentTimeMillis(), (now - barrier.triggerNanos()) / 1_000_000,
                syncNanos / 1_000_000, (now - asyncStartNanos) / 1_000_000, alignmentNanos / 1_000_000,
                startDelayNanos / 1_000_000, checkpointedStateBytes + persistedBytes,
                fullStateBytes + persistedBytes, processedBytes,
                persistedBytes,
                unaligned);
        owner.listener().acknowledgeCheckpoint(task, checkpointId,
                new TaskStateSnapshot(written, channelState.inputInFlight(), channelState.outputInFlight()), stats);
    }

    /** The files of a snapshot no checkpoint will use: an aborted one, or one that failed part-way. */
    private void discardWritten() {
        List<OperatorSubtaskState> states = written;
        if (states != null) {
            states.forEach(OperatorSubtaskState::discard);
        }
    }

    private static long sizeOr(long reported, long blobLength) {
        return reported == KeyedStateBackend.KeyedSnapshot.SIZE_OF_BLOB ? blobLength : reported;
    }

    /** The checkpoint was given up (task thread): its snapshots are released and nothing is acknowledged. */
    void abort(ChannelStateWriter channelStateWriter) {
        aborted = true;
        channelStateWriter.abort(channelState);
        for (KeyedStateBackend.KeyedSnapshot k : keyed) {
            if (k != null) {
                k.release();
            }
        }
    }
}
