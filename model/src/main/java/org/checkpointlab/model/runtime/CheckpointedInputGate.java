package org.checkpointlab.model.runtime;

import java.util.List;

import org.checkpointlab.model.observe.BarrierHandlerState;

/**
 * A subtask's input side (Flink's {@code CheckpointedInputGate}): its input channels, polled round-robin, with the
 * {@link BarrierHandler} in between. Barriers go to the handler (which may block channels while aligning), end-of-data
 * and end-of-partition events are counted, and a data buffer becomes the current buffer, which the task processes
 * record by record. While a checkpoint collects its barriers, the gate counts the bytes processed, and an unaligned
 * checkpoint's in-flight input goes to the {@link ChannelStateWriter}.
 *
 * <p>Threading: task thread only, except {@link #barrierState()}, which any observer may read.
 */
final class CheckpointedInputGate {

    /** What the gate tells its task. */
    interface Events {
        /** Every input channel delivered its end of data. */
        void endOfData() throws Exception;

        /** Barrier {@code barrier} arrived on {@code channel} (for single step). */
        void barrierArrived(CheckpointBarrier barrier, Channel channel);
    }

    private final List<Channel> inputs;
    private final BarrierHandler barrierHandler;
    private final SubtaskCheckpointCoordinator checkpoints;
    private final ChannelStateWriter channelStateWriter;
    private final TaskClock clock;
    private final Events events;
    private final boolean[] channelEndedData;
    private final boolean[] channelEnded;
    private int endedData;
    private int endedPartitions;
    private int nextChannel;
    private Buffer currentBuffer;
    private int currentPos;
    private int currentChannel;

    CheckpointedInputGate(List<Channel> inputs, SubtaskCheckpointCoordinator checkpoints,
                          ChannelStateWriter channelStateWriter, TaskClock clock, Events events) {
        this.inputs = inputs;
        this.barrierHandler = new BarrierHandler(inputs.size(), checkpoints);
        this.checkpoints = checkpoints;
        this.channelStateWriter = channelStateWriter;
        this.clock = clock;
        this.events = events;
        this.channelEndedData = new boolean[inputs.size()];
        this.channelEnded = new boolean[inputs.size()];
    }

    BarrierHandlerState barrierState() {
        return barrierHandler.state();
    }

    /** The buffer being processed, or null when the next element must be polled. */
    Buffer currentBuffer() {
        return currentBuffer;
    }

    /** The position of the next unprocessed record in {@link #currentBuffer()}. */
    int currentPosition() {
        return currentPos;
    }

    /** The operator input (0 or 1 for a two-input operator) the current buffer's channel feeds. */
    int currentInput() {
        return inputs.get(currentChannel).receiverInput;
    }

    /** Records of the current buffer up to {@code position} are processed; at its end the buffer is done. */
    void consumedUpTo(int position) {
        currentPos = position;
        if (position == currentBuffer.size()) {
            currentBuffer = null;
        }
    }

    /** Every input channel ended: the task is done. */
    boolean allPartitionsEnded() {
        return endedPartitions == inputs.size();
    }

    /**
     * Takes the next element from the next channel that has one, round-robin, skipping blocked and ended channels.
     *
     * @return false when no channel had anything
     */
    boolean pollNext() throws Exception {
        int n = inputs.size();
        for (int k = 0; k < n; k++) {
            int c = nextChannel;
            nextChannel = c + 1 == n ? 0 : c + 1;
            Channel ch = inputs.get(c);
            if (channelEnded[c] || ch.isBlocked()) {
                continue;
            }
            ChannelElement e = ch.poll();
            if (e == null) {
                continue;
            }
            if (e instanceof Buffer b) {
                CheckpointBarrier collecting = barrierHandler.currentBarrier();
                if (collecting != null) {
                    checkpoints.processedDuringAlignment(collecting.checkpointId(), b.estimatedBytes());
                }
                channelStateWriter.addInputData(c, b);
                currentBuffer = b;
                currentPos = 0;
                currentChannel = c;
            } else if (e instanceof CheckpointBarrier b) {
                events.barrierArrived(b, ch);
                barrierHandler.barrierReceived(c, b, clock.nanoTime());
            } else if (e == EndOfData.INSTANCE) {
                channelEndedData[c] = true;
                dataEnded();
            } else {
                channelEnded[c] = true;
                endedPartitions++;
                if (!channelEndedData[c]) { // the partition ended without an end of data first
                    channelEndedData[c] = true;
                    dataEnded();
                }
                barrierHandler.channelFinished(c, clock.nanoTime());
            }
            return true;
        }
        return false;
    }

    private void dataEnded() throws Exception {
        if (++endedData == inputs.size()) {
            events.endOfData();
        }
    }

    /** Unaligned barriers overtake everything, even a blocked channel: takes every one waiting now. */
    void pollPriorityBarriers() {
        for (int c = 0; c < inputs.size(); c++) {
            Channel ch = inputs.get(c);
            if (ch.hasPriorityBarrier()) {
                CheckpointBarrier b = ch.pollPriorityBarrier();
                if (b != null) {
                    events.barrierArrived(b, ch);
                    barrierHandler.barrierReceived(c, b, clock.nanoTime());
                }
            }
        }
    }

    /** Whether a channel that is neither ended nor blocked has an element to poll. */
    boolean hasAvailableInput() {
        for (int c = 0; c < inputs.size(); c++) {
            Channel ch = inputs.get(c);
            if (!channelEnded[c] && !ch.isBlocked() && !ch.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Gives up an alignment that takes too long; returns the nano time to check again. */
    long checkAlignmentTimeout(long now) {
        barrierHandler.checkAlignmentTimeout(now);
        return barrierHandler.alignmentDeadlineNanos();
    }

    void abortCheckpoint(long checkpointId) {
        barrierHandler.abort(checkpointId);
    }

    /** Sync phase of an unaligned checkpoint: the unprocessed rest of the current buffer is in-flight data. */
    void persistUnprocessedInput(ChannelStateWriter.WriteResult result) {
        if (currentBuffer != null) {
            channelStateWriter.addInputData(result, currentChannel, currentBuffer.array(), currentPos,
                    currentBuffer.size());
        }
    }
}
