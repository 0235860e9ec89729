package org.checkpointlab.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.SnapshotType;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.junit.jupiter.api.Test;

/** Scripted barrier sequences against the barrier handler; the recorder lists every action in order. */
class BarrierHandlerTest {
    private final RecordingBarrierActions actions = new RecordingBarrierActions();

    private static CheckpointBarrier aligned(long id) {
        return new CheckpointBarrier(id, 0, 0, CheckpointingMode.EXACTLY_ONCE, false, 0, false, SnapshotType.CHECKPOINT);
    }

    private static CheckpointBarrier atLeastOnce(long id) {
        return new CheckpointBarrier(id, 0, 0, CheckpointingMode.AT_LEAST_ONCE, false, 0, false, SnapshotType.CHECKPOINT);
    }

    private static CheckpointBarrier unaligned(long id) {
        return new CheckpointBarrier(id, 0, 0, CheckpointingMode.EXACTLY_ONCE, true, 0, true, SnapshotType.CHECKPOINT);
    }

    private static CheckpointBarrier alignedWithTimeout(long id, long timeoutNanos) {
        return new CheckpointBarrier(id, 0, 0, CheckpointingMode.EXACTLY_ONCE, false, timeoutNanos, true, SnapshotType.CHECKPOINT);
    }

    @Test
    void whenAlignedBarrierArrivesOnOneChannel_thenOnlyThatChannelIsBlocked() {
        BarrierHandler handler = new BarrierHandler(3, actions);
        handler.barrierReceived(1, aligned(1), 100);
        assertThat(actions.log).containsExactly("block 1");
        assertThat(handler.state()).isInstanceOf(BarrierHandlerState.CollectingAligned.class);
        assertThat(((BarrierHandlerState.CollectingAligned) handler.state()).received()).isEqualTo(1);
    }

    @Test
    void whenLastAlignedBarrierArrives_thenSnapshotIsTakenBeforeChannelsAreUnblocked() {
        BarrierHandler handler = new BarrierHandler(3, actions);
        handler.barrierReceived(0, aligned(1), 100);
        handler.barrierReceived(2, aligned(1), 150);
        handler.barrierReceived(1, aligned(1), 400);
        assertThat(actions.log).containsExactly("block 0", "block 2", "block 1",
                "snapshot 1 aligned alignment=300", "unblock all");
        assertThat(handler.state()).isInstanceOf(BarrierHandlerState.WaitingForFirstBarrier.class);
    }

    @Test
    void atLeastOnce_blocksNothing_andSnapshotsWhenTheLastBarrierArrives() {
        BarrierHandler handler = new BarrierHandler(2, actions);
        handler.barrierReceived(0, atLeastOnce(4), 10);
        assertThat(actions.log).isEmpty();
        assertThat(handler.state()).isInstanceOf(BarrierHandlerState.CollectingAtLeastOnce.class);
        handler.barrierReceived(1, atLeastOnce(4), 30);
        assertThat(actions.log).containsExactly("snapshot 4 aligned alignment=20", "unblock all");
    }

    @Test
    void unaligned_snapshotsAtTheFirstBarrier_andPersistsOtherChannelsUntilTheirBarrierArrives() {
        BarrierHandler handler = new BarrierHandler(3, actions);
        handler.barrierReceived(2, unaligned(7), 50);
        assertThat(actions.log).containsExactly("snapshot 7 unaligned alignment=0", "persist 0 of 7",
                "persist 1 of 7");
        handler.barrierReceived(0, unaligned(7), 60);
        handler.barrierReceived(1, unaligned(7), 90);
        assertThat(actions.log).containsSubsequence("stop 0 of 7", "stop 1 of 7", "all barriers of 7 after 40");
        assertThat(actions.log).noneMatch(a -> a.startsWith("block"));
    }

    @Test
    void alignedCheckpointSwitchesToUnaligned_whenAlignmentLastsLongerThanTheTimeout() {
        BarrierHandler handler = new BarrierHandler(2, actions);
        handler.barrierReceived(0, alignedWithTimeout(3, 1_000), 10_000);
        handler.checkAlignmentTimeout(10_900);
        assertThat(actions.log).containsExactly("block 0");
        handler.checkAlignmentTimeout(11_001);
        assertThat(actions.log).containsExactly("block 0", "snapshot 3 unaligned alignment=1001", "unblock all",
                "persist 1 of 3");
        assertThat(handler.state()).isInstanceOf(BarrierHandlerState.CollectingUnaligned.class);
        handler.barrierReceived(1, alignedWithTimeout(3, 1_000), 12_000);
        assertThat(actions.log).endsWith("stop 1 of 3", "all barriers of 3 after 2000");
    }

    @Test
    void alignedCheckpointWithoutUnalignedAllowed_neverTimesOut() {
        BarrierHandler handler = new BarrierHandler(2, actions);
        handler.barrierReceived(0, aligned(1), 0);
        handler.checkAlignmentTimeout(Long.MAX_VALUE / 2);
        assertThat(actions.log).containsExactly("block 0");
    }

    @Test
    void unalignedBarrierDuringAlignment_switchesThisSubtaskToUnalignedToo() {
        BarrierHandler handler = new BarrierHandler(3, actions);
        handler.barrierReceived(0, alignedWithTimeout(5, 1_000_000), 0);
        handler.barrierReceived(1, alignedWithTimeout(5, 1_000_000).asUnaligned(), 10);
        assertThat(actions.log).containsExactly("block 0", "snapshot 5 unaligned alignment=10", "unblock all",
                "persist 2 of 5");
    }

    @Test
    void newerBarrierBeforeAlignmentCompletes_declinesTheOlderCheckpoint() {
        BarrierHandler handler = new BarrierHandler(2, actions);
        handler.barrierReceived(0, aligned(1), 0);
        handler.barrierReceived(0, aligned(2), 5);
        assertThat(actions.log).containsExactly("block 0", "unblock all", "decline 1", "block 0");
        handler.barrierReceived(1, aligned(1), 6);
        assertThat(actions.log).hasSize(4); // the stale barrier of checkpoint 1 is ignored
        handler.barrierReceived(1, aligned(2), 7);
        assertThat(actions.log).endsWith("snapshot 2 aligned alignment=2", "unblock all");
    }

    @Test
    void finishedChannel_countsAsHavingDeliveredTheBarrier() {
        BarrierHandler handler = new BarrierHandler(2, actions);
        handler.barrierReceived(0, aligned(1), 0);
        handler.channelFinished(1, 3);
        assertThat(actions.log).containsExactly("block 0", "snapshot 1 aligned alignment=3", "unblock all");
        handler.barrierReceived(0, aligned(2), 10);
        assertThat(actions.log).endsWith("snapshot 2 aligned alignment=0", "unblock all");
    }

    @Test
    void abortedCheckpoint_releasesAlignment_andItsLateBarriersAreIgnored() {
        BarrierHandler handler = new BarrierHandler(2, actions);
        handler.barrierReceived(0, aligned(1), 0);
        handler.abort(1);
        handler.barrierReceived(1, aligned(1), 5);
        assertThat(actions.log).containsExactly("block 0", "unblock all");
        assertThat(handler.state()).isInstanceOf(BarrierHandlerState.WaitingForFirstBarrier.class);
    }

    @Test
    void singleInputChannel_snapshotsAtOnce() {
        BarrierHandler handler = new BarrierHandler(1, actions);
        handler.barrierReceived(0, aligned(9), 0);
        assertThat(actions.log).containsExactly("block 0", "snapshot 9 aligned alignment=0", "unblock all");
    }
}
