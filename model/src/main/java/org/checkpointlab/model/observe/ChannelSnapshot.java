package org.checkpointlab.model.observe;

import java.util.List;

import org.checkpointlab.model.pipeline.Partitioning;

/**
 * One channel (sender subtask to receiver subtask) at one moment.
 *
 * @param fromOperator     id of the sending operator (the tail of its task's chain)
 * @param fromSubtask      sending subtask index
 * @param toOperator       id of the receiving operator (the head of its task's chain)
 * @param toSubtask        receiving subtask index
 * @param partitioning     the edge's partitioning
 * @param elements         queued elements, head (next to be consumed by the receiver) first
 * @param partialRecords   records in the sender's buffer that is being filled (not yet handed over)
 * @param bufferSize       records per buffer
 * @param capacity         buffers the channel holds before the sender is backpressured (credits)
 * @param queuedBuffers    data buffers in {@code elements}
 * @param blocked          the receiver blocked this channel while aligning barriers
 * @param buffersSent      data buffers handed over since the task started
 */
public record ChannelSnapshot(String fromOperator, int fromSubtask, String toOperator, int toSubtask,
                              Partitioning partitioning, List<ChannelElementView> elements, int partialRecords,
                              int bufferSize, int capacity, int queuedBuffers, boolean blocked, long buffersSent) {
    public ChannelSnapshot {
        elements = List.copyOf(elements);
    }

    /** Credits the receiver still offers: buffers the sender may hand over before it is backpressured. */
    public int availableCredits() {
        return Math.max(0, capacity - queuedBuffers);
    }
}
