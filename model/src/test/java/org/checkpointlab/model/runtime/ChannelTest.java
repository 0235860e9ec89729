package org.checkpointlab.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.SnapshotType;
import org.checkpointlab.model.observe.ChannelElementView.BarrierView;
import org.checkpointlab.model.observe.ChannelElementView.BufferView;
import org.checkpointlab.model.observe.ChannelSnapshot;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

class ChannelTest {
    private static final int BUFFER_SIZE = 4;

    private static Task task(String name) {
        return new Task(name, List.of(), 0, 1, null, null, null, null, null, null, null);
    }

    private final Channel channel = new Channel(task("sender"), task("receiver"), 0, 0, "a", "b",
            Partitioning.FORWARD, 2, BUFFER_SIZE);

    private void emitBuffers(int buffers) {
        for (int i = 0; i < buffers * BUFFER_SIZE; i++) {
            channel.emit(new StreamRecord("k", (long) i, i));
        }
    }

    private static CheckpointBarrier barrier(long id, boolean unaligned) {
        return new CheckpointBarrier(id, 0, 0, CheckpointingMode.EXACTLY_ONCE, unaligned, 0, unaligned, SnapshotType.CHECKPOINT);
    }

    @Test
    void senderHasCreditOnlyWhileFewerBuffersThanTheCapacityAreQueued() {
        emitBuffers(1);
        assertThat(channel.hasCredit()).isTrue();
        emitBuffers(1);
        assertThat(channel.hasCredit()).isFalse();
        assertThat(channel.poll()).isInstanceOf(Buffer.class);
        assertThat(channel.hasCredit()).isTrue();
    }

    @Test
    void recordsWaitInThePartialBufferUntilItIsFullOrFlushed() {
        channel.emit(new StreamRecord("k", 1L, 1));
        assertThat(channel.poll()).isNull();
        assertThat(channel.snapshot().partialRecords()).isEqualTo(1);
        channel.flush();
        assertThat(((Buffer) channel.poll()).size()).isEqualTo(1);
    }

    @Test
    void alignedBarrierQueuesBehindTheBuffers_andTheFlushedPartialBuffer() {
        emitBuffers(1);
        channel.emit(new StreamRecord("k", 99L, 99));
        channel.addEvent(barrier(1, false));
        ChannelSnapshot s = channel.snapshot();
        assertThat(s.elements()).containsExactly(new BufferView(4, 4, false), new BufferView(1, 4, false),
                new BarrierView(1, false, false));
        assertThat(channel.poll()).isInstanceOf(Buffer.class);
        assertThat(channel.poll()).isInstanceOf(Buffer.class);
        assertThat(channel.poll()).isEqualTo(barrier(1, false));
    }

    @Test
    void unalignedBarrierOvertakesEveryQueuedBuffer_andReturnsExactlyThoseAsInFlightData() {
        emitBuffers(2);
        channel.emit(new StreamRecord("k", 8L, 8));
        List<Buffer> overtaken = channel.addPriorityBarrier(barrier(3, true));
        assertThat(overtaken).hasSize(3);
        assertThat(overtaken.get(0).get(0).value()).isEqualTo(0L);
        assertThat(overtaken.get(2).get(0).value()).isEqualTo(8L);
        assertThat(overtaken).allMatch(Buffer::isPersisted);
        assertThat(channel.snapshot().elements()).first().isEqualTo(new BarrierView(3, true, false));
        assertThat(channel.snapshot().elements()).element(1).isEqualTo(new BufferView(4, 4, true));
        assertThat(channel.hasPriorityBarrier()).isTrue();
        assertThat(channel.pollPriorityBarrier()).isEqualTo(barrier(3, true));
        assertThat(channel.hasPriorityBarrier()).isFalse();
        assertThat(channel.poll()).isSameAs(overtaken.get(0));
    }

    @Test
    void eventsNeedNoCredit() {
        emitBuffers(2);
        assertThat(channel.hasCredit()).isFalse();
        channel.addEvent(barrier(1, false));
        channel.addEvent(EndOfData.INSTANCE);
        assertThat(channel.snapshot().elements()).hasSize(4);
        assertThat(channel.snapshot().queuedBuffers()).isEqualTo(2);
        assertThat(channel.snapshot().availableCredits()).isZero();
    }
}
