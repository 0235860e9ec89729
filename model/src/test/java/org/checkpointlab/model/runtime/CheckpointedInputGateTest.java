package org.checkpointlab.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.SnapshotType;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

class CheckpointedInputGateTest {
    private static final int BUFFER_SIZE = 2;

    private final Task receiver = task("receiver");
    private final Channel first = channel(0);
    private final Channel second = channel(1);
    private final List<String> events = new ArrayList<>();
    private final CheckpointedInputGate gate;

    CheckpointedInputGateTest() {
        receiver.addInputChannel(first);
        receiver.addInputChannel(second);
        OperatorChain chain = new OperatorChain(receiver);
        ChannelStateWriter writer = new ChannelStateWriter("count", 0, 2);
        SubtaskCheckpointCoordinator checkpoints = new SubtaskCheckpointCoordinator(receiver, chain, writer, null,
                Runnable::run, new MemoryCheckpointStorage(), new ManualTaskClock(1));
        gate = new CheckpointedInputGate(receiver.inputChannels(), checkpoints, writer, new ManualTaskClock(1),
                new CheckpointedInputGate.Events() {
                    @Override
                    public void endOfData() {
                        events.add("end of data");
                    }

                    @Override
                    public void barrierArrived(CheckpointBarrier barrier, Channel channel) {
                        events.add("barrier " + barrier.checkpointId() + " on " + channel.receiverChannelIndex);
                    }
                });
    }

    private static Task task(String name) {
        return new Task(name, List.of(), 0, 1, null, null, null, null, null, null, null);
    }

    private Channel channel(int index) {
        return new Channel(task("sender" + index), receiver, index, 0, "split", "count", Partitioning.FORWARD, 4,
                BUFFER_SIZE);
    }

    private static void sendBuffer(Channel c, long... values) {
        for (long v : values) {
            c.emit(new StreamRecord("k", v, v));
        }
    }

    private static CheckpointBarrier alignedBarrier(long id) {
        return new CheckpointBarrier(id, 0, 0, CheckpointingMode.EXACTLY_ONCE, false, 0, false,
                SnapshotType.CHECKPOINT);
    }

    private List<Object> drainCurrentBuffer() {
        List<Object> values = new ArrayList<>();
        Buffer b = gate.currentBuffer();
        for (int i = gate.currentPosition(); i < b.size(); i++) {
            values.add(b.get(i).value());
        }
        gate.consumedUpTo(b.size());
        return values;
    }

    @Test
    void buffersAreTakenRoundRobin_oneAtATime() throws Exception {
        sendBuffer(first, 1, 2, 3, 4);
        sendBuffer(second, 5, 6);

        List<Object> seen = new ArrayList<>();
        while (gate.pollNext()) {
            seen.addAll(drainCurrentBuffer());
            assertThat(gate.currentBuffer()).isNull();
        }

        assertThat(seen).containsExactly(1L, 2L, 5L, 6L, 3L, 4L);
        assertThat(gate.hasAvailableInput()).isFalse();
    }

    @Test
    void aPartlyProcessedBufferStaysCurrentFromItsPosition() throws Exception {
        sendBuffer(first, 1, 2);
        gate.pollNext();
        gate.consumedUpTo(1);
        assertThat(gate.currentBuffer()).isNotNull();
        assertThat(gate.currentPosition()).isEqualTo(1);
        assertThat(drainCurrentBuffer()).containsExactly(2L);
    }

    @Test
    void anAlignedBarrierBlocksItsChannel_untilTheOtherChannelsBarrier() throws Exception {
        first.addEvent(alignedBarrier(1));
        sendBuffer(first, 1, 2);
        sendBuffer(second, 3, 4);

        assertThat(gate.pollNext()).isTrue(); // the barrier of the first channel
        assertThat(first.isBlocked()).isTrue();
        assertThat(gate.barrierState()).isNotInstanceOf(BarrierHandlerState.WaitingForFirstBarrier.class);
        gate.pollNext();
        assertThat(drainCurrentBuffer()).containsExactly(3L, 4L);
        assertThat(gate.pollNext()).isFalse(); // the first channel's buffer waits behind the block
        assertThat(gate.hasAvailableInput()).isFalse();
        assertThat(events).containsExactly("barrier 1 on 0");
    }

    @Test
    void theEndOfDataIsReportedOnceEveryChannelDeliveredIt_thePartitionsEndAfter() throws Exception {
        first.addEvent(EndOfData.INSTANCE);
        first.addEvent(EndOfPartition.INSTANCE);
        second.addEvent(EndOfPartition.INSTANCE); // a partition that ends without an end of data first

        while (gate.pollNext()) {
            assertThat(gate.currentBuffer()).isNull();
        }

        assertThat(events).containsExactly("end of data");
        assertThat(gate.allPartitionsEnded()).isTrue();
    }
}
