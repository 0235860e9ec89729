package org.checkpointlab.views.live;

import java.util.List;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.observe.ChannelElementView;
import org.checkpointlab.model.observe.ChannelSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.checkpointlab.model.pipeline.Partitioning;

/** Hand-made engine snapshots for view-model tests. */
final class LiveFixtures {
    static final ChannelElementView.BufferView FULL = new ChannelElementView.BufferView(32, 32, false);
    static final ChannelElementView.BufferView PERSISTED = new ChannelElementView.BufferView(32, 32, true);

    private LiveFixtures() {
    }

    static ChannelElementView.BarrierView barrier(long id, boolean unaligned) {
        return new ChannelElementView.BarrierView(id, unaligned, false);
    }

    static ChannelSnapshot channel(int from, int to, boolean blocked, ChannelElementView... elements) {
        int buffers = (int) List.of(elements).stream().filter(e -> e instanceof ChannelElementView.BufferView).count();
        return new ChannelSnapshot("union", from, "count", to, Partitioning.HASH, List.of(elements), 5, 32, 4,
                buffers, blocked, 100);
    }

    static SubtaskSnapshot subtask(SubtaskStatus status, BarrierHandlerState barriers, boolean sync, int async) {
        return new SubtaskSnapshot("count", List.of("count"), 0, 2, status, barriers, 10, 10, 300, 600, 100, 0.5,
                0.9, 2048, sync, async, -1);
    }

    static SubtaskCheckpointStats ack(String operator, int index, long at) {
        return new SubtaskCheckpointStats(operator, index, at, 5, 1, 2, 0, 0, 100, 100, 0, 0, false);
    }

    static CheckpointStats checkpoint(long id, CheckpointStatus status, int total, SubtaskCheckpointStats... acks) {
        int acknowledged = (int) List.of(acks).stream().filter(a -> a.ackTimestamp() >= 0).count();
        return new CheckpointStats(id, status, false, 1000, 1010, acknowledged, total, 143, 1, 2, 3, 4, 4096, 10240,
                0, 0, false, status == CheckpointStatus.FAILED ? org.checkpointlab.model.checkpoint.CheckpointFailure.other("checkpoint expired before completing") : null,
                List.of(acks));
    }
}
