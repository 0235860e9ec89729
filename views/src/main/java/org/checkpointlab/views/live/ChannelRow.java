package org.checkpointlab.views.live;

import java.util.List;
import org.checkpointlab.model.observe.ChannelSnapshot;

/**
 * One row of an edge's channel panel: either one channel drawn slot by slot, or, when an edge has too many
 * channels to read, the summary of every channel into one receiving subtask.
 */
public sealed interface ChannelRow {

    /** The receiving subtask of the row. */
    int toSubtask();

    /** One channel (sender subtask to receiver subtask) with its queue of buffers and barriers. */
    record Single(ChannelSnapshot channel) implements ChannelRow {
        @Override
        public int toSubtask() {
            return channel.toSubtask();
        }
    }

    /**
     * Every channel into receiving subtask {@code toSubtask}, added up.
     *
     * @param senders         number of channels (sending subtasks)
     * @param queuedBuffers   data buffers queued over those channels
     * @param capacity        credits over those channels
     * @param persisted       queued buffers captured as in-flight state by an unaligned checkpoint
     * @param barrierIds      checkpoint ids of the barriers queued, one entry per barrier, ascending
     * @param unalignedBarriers how many of those barriers are unaligned
     * @param blocked         channels blocked by alignment
     */
    record Summary(int toSubtask, int senders, int queuedBuffers, int capacity, int persisted,
                   List<Long> barrierIds, int unalignedBarriers, int blocked) implements ChannelRow {
        public Summary {
            barrierIds = List.copyOf(barrierIds);
        }

        /** Queued buffers over credits, 0..1. */
        public double usage() {
            return capacity == 0 ? 0 : Math.min(1, queuedBuffers / (double) capacity);
        }
    }
}
