package org.checkpointlab.model.runtime;

import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * Sends the records of one output edge of a subtask into that edge's channels, by the edge's partitioning: forward
 * to the one channel, hash by the key's key group (Flink's {@code KeyGroupStreamPartitioner}), rebalance round
 * robin, broadcast to all. Sender task thread only.
 */
final class RecordWriter implements Output {
    private final Channel[] channels;
    private final Partitioning partitioning;
    private final int downstreamMaxParallelism;
    /** Counts records out of the chain's tail; null when a fan-out counts them instead. */
    private OperatorCounters counters;
    private int nextRoundRobin;

    RecordWriter(Channel[] channels, Partitioning partitioning, int downstreamMaxParallelism, int subtaskIndex) {
        this.channels = channels;
        this.partitioning = partitioning;
        this.downstreamMaxParallelism = downstreamMaxParallelism;
        this.nextRoundRobin = subtaskIndex % channels.length;
    }

    void countInto(OperatorCounters tailCounters) {
        this.counters = tailCounters;
    }

    @Override
    public void collect(StreamRecord record) {
        if (counters != null) {
            counters.recordsOut++;
        }
        switch (partitioning) {
            case FORWARD -> channels[0].emit(record);
            case HASH -> channels[KeyGroups.assignKeyToOperator(record.key(), downstreamMaxParallelism,
                    channels.length)].emit(record);
            case REBALANCE -> {
                channels[nextRoundRobin].emit(record);
                if (++nextRoundRobin == channels.length) {
                    nextRoundRobin = 0;
                }
            }
            case BROADCAST -> {
                for (Channel c : channels) {
                    c.emit(record);
                }
            }
            default -> throw new IllegalStateException("unknown partitioning " + partitioning);
        }
    }

    Channel[] channels() {
        return channels;
    }
}
