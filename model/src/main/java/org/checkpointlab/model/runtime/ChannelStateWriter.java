package org.checkpointlab.model.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.checkpointlab.model.checkpoint.TaskStateSnapshot;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * Persists a subtask's in-flight data for unaligned checkpoints (Flink's {@code ChannelStateWriter}): the buffers a
 * forwarded barrier overtook on the outputs, the unprocessed rest of the current input buffer, and every buffer an
 * input channel delivers between the first barrier of the checkpoint and that channel's own barrier.
 *
 * <p>Threading: task thread only. A {@link WriteResult} is written by the task thread until {@link
 * WriteResult#done()} completes and read (by the async phase) after.
 */
final class ChannelStateWriter {
    private final String inputOperatorId;
    private final int subtaskIndex;
    /** Per input channel, the checkpoint whose in-flight data it is persisting, or null. */
    private final WriteResult[] persisting;

    ChannelStateWriter(String inputOperatorId, int subtaskIndex, int inputChannels) {
        this.inputOperatorId = inputOperatorId;
        this.subtaskIndex = subtaskIndex;
        this.persisting = new WriteResult[inputChannels];
    }

    /** Starts collecting the in-flight data of checkpoint {@code checkpointId}. */
    WriteResult start(long checkpointId) {
        return new WriteResult(checkpointId);
    }

    /** From now on every buffer consumed from {@code channel} belongs to {@code result} (null: to none). */
    void startPersisting(int channel, WriteResult result) {
        persisting[channel] = result;
    }

    /** The barrier of {@code checkpointId} arrived on {@code channel}: its input in-flight data is complete. */
    void stopPersisting(int channel, long checkpointId) {
        WriteResult r = persisting[channel];
        if (r != null && r.checkpointId == checkpointId) {
            persisting[channel] = null;
        }
    }

    /** A buffer was taken from input {@code channel}: persisted if the channel is collecting in-flight data. */
    void addInputData(int channel, Buffer buffer) {
        WriteResult r = persisting[channel];
        if (r != null) {
            addInputData(r, channel, buffer.array(), 0, buffer.size());
        }
    }

    /** Records {@code from} (inclusive) to {@code to} (exclusive) of input {@code channel} belong to {@code r}. */
    void addInputData(WriteResult r, int channel, StreamRecord[] records, int from, int to) {
        String key = TaskStateSnapshot.channelKey(inputOperatorId, subtaskIndex, channel);
        List<StreamRecord> list = r.inputInFlight.computeIfAbsent(key, k -> new ArrayList<>());
        for (int i = from; i < to; i++) {
            list.add(records[i]);
        }
        r.persistedBytes += RecordSizes.estimate(records, from, to);
    }

    /** Buffers that a barrier overtook on output {@code channel} belong to {@code r}. */
    void addOutputData(WriteResult r, Channel channel, List<Buffer> overtaken) {
        String key = TaskStateSnapshot.channelKey(channel.toOperator, channel.receiver.subtaskIndex(),
                channel.receiverChannelIndex);
        for (Buffer buffer : overtaken) {
            List<StreamRecord> list = r.outputInFlight.computeIfAbsent(key, k -> new ArrayList<>());
            for (int i = 0; i < buffer.size(); i++) {
                list.add(buffer.get(i));
            }
            r.persistedBytes += buffer.estimatedBytes();
        }
    }

    /** The checkpoint of {@code r} was given up: no channel persists for it any more, and its data is final. */
    void abort(WriteResult r) {
        r.done.complete(null);
        for (int c = 0; c < persisting.length; c++) {
            if (persisting[c] == r) {
                persisting[c] = null;
            }
        }
    }

    /** The in-flight data of one checkpoint at this subtask. */
    static final class WriteResult {
        private final long checkpointId;
        private final Map<String, List<StreamRecord>> inputInFlight = new HashMap<>();
        private final Map<String, List<StreamRecord>> outputInFlight = new HashMap<>();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private long persistedBytes;

        private WriteResult(long checkpointId) {
            this.checkpointId = checkpointId;
        }

        long checkpointId() {
            return checkpointId;
        }

        /** Completes when every channel's in-flight data is in (at once for an aligned checkpoint). */
        CompletableFuture<Void> done() {
            return done;
        }

        /** Every channel delivered its barrier: nothing more is added. */
        void complete() {
            done.complete(null);
        }

        long persistedBytes() {
            return persistedBytes;
        }

        Map<String, List<StreamRecord>> inputInFlight() {
            return inputInFlight;
        }

        Map<String, List<StreamRecord>> outputInFlight() {
            return outputInFlight;
        }
    }
}
