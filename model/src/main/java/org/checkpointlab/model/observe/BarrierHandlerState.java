package org.checkpointlab.model.observe;

/**
 * What a subtask's barrier handler is doing, as Flink's {@code BarrierHandlerState}. Immutable: each barrier event
 * produces a new state, so an observer can read it at any moment. Sources (no input channels) stay
 * {@link WaitingForFirstBarrier}.
 */
public sealed interface BarrierHandlerState {

    /** Checkpoint the handler is working on, or -1. */
    long checkpointId();

    /** No checkpoint in progress at this subtask's inputs. */
    record WaitingForFirstBarrier() implements BarrierHandlerState {
        @Override
        public long checkpointId() {
            return -1;
        }
    }

    /**
     * Aligned exactly-once: barrier {@code checkpointId} arrived on {@code received} of {@code channels} channels;
     * those channels are blocked until the rest arrive.
     */
    record CollectingAligned(long checkpointId, long firstBarrierNanos, int received, int channels)
            implements BarrierHandlerState {
    }

    /**
     * Unaligned: the snapshot was taken at the first barrier; buffers arriving on channels whose barrier has not
     * arrived yet are persisted as in-flight data until it does.
     */
    record CollectingUnaligned(long checkpointId, long firstBarrierNanos, int received, int channels)
            implements BarrierHandlerState {
    }

    /** At-least-once: no channel is blocked; the snapshot is taken when the last barrier arrives. */
    record CollectingAtLeastOnce(long checkpointId, long firstBarrierNanos, int received, int channels)
            implements BarrierHandlerState {
    }
}
