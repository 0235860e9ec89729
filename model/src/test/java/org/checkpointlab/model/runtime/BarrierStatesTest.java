package org.checkpointlab.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.checkpointlab.model.checkpoint.BarrierAlignment;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.SnapshotType;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each barrier-handler state on its own: the next state it returns and the actions it asks for, per event. */
class BarrierStatesTest {
    private final RecordingBarrierActions actions = new RecordingBarrierActions();

    private AlignmentContext context(int channels) {
        return new AlignmentContext(channels, actions);
    }

    /** The state that waiting for the first barrier goes to when {@code channel} delivers barrier {@code id}. */
    private static BarrierState firstBarrier(AlignmentContext ctx, int channel, long id, BarrierAlignment alignment,
            long nanos) {
        return new WaitingForFirstBarrier(ctx).barrierReceived(channel, barrier(id, alignment), nanos);
    }

    private static CheckpointBarrier barrier(long id, BarrierAlignment alignment) {
        return new CheckpointBarrier(id, 0, 0, SnapshotType.CHECKPOINT, alignment,
                alignment == BarrierAlignment.ALIGNED_THEN_UNALIGNED ? 1_000 : 0);
    }

    @Nested
    class AlignmentChosenOnceAtTheTrigger {
        @Test
        void savepoints_areAlwaysAligned_evenWithUnalignedCheckpointsOn() {
            for (SnapshotType t : new SnapshotType[] {SnapshotType.SAVEPOINT, SnapshotType.SUSPEND,
                    SnapshotType.TERMINATE}) {
                assertThat(BarrierAlignment.choose(CheckpointingMode.EXACTLY_ONCE, true, Duration.ZERO, t))
                        .as(t.name()).isEqualTo(BarrierAlignment.ALIGNED);
            }
        }

        @Test
        void checkpoints_followTheModeTheUnalignedFlagAndTheAlignedTimeout() {
            SnapshotType c = SnapshotType.CHECKPOINT;
            assertThat(BarrierAlignment.choose(CheckpointingMode.AT_LEAST_ONCE, false, Duration.ZERO, c))
                    .isEqualTo(BarrierAlignment.AT_LEAST_ONCE);
            assertThat(BarrierAlignment.choose(CheckpointingMode.EXACTLY_ONCE, false, Duration.ofSeconds(1), c))
                    .isEqualTo(BarrierAlignment.ALIGNED);
            assertThat(BarrierAlignment.choose(CheckpointingMode.EXACTLY_ONCE, true, Duration.ZERO, c))
                    .isEqualTo(BarrierAlignment.UNALIGNED);
            assertThat(BarrierAlignment.choose(CheckpointingMode.EXACTLY_ONCE, true, Duration.ofMillis(30), c))
                    .isEqualTo(BarrierAlignment.ALIGNED_THEN_UNALIGNED);
        }

        @Test
        void aBarrierThatSwitchesAfterATimeout_needsATimeout() {
            assertThatThrownBy(() -> new CheckpointBarrier(3, 0, 0, SnapshotType.CHECKPOINT,
                    BarrierAlignment.ALIGNED_THEN_UNALIGNED, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout is 0 ns");
        }

        @Test
        void theOldFlags_mapToOneAlignmentEach() {
            assertThat(new CheckpointBarrier(1, 0, 0, CheckpointingMode.EXACTLY_ONCE, false, 5, true,
                    SnapshotType.CHECKPOINT).alignment()).isEqualTo(BarrierAlignment.ALIGNED_THEN_UNALIGNED);
            assertThat(new CheckpointBarrier(1, 0, 0, CheckpointingMode.EXACTLY_ONCE, false, 5, true,
                    SnapshotType.SAVEPOINT).alignment()).isEqualTo(BarrierAlignment.ALIGNED);
            assertThat(new CheckpointBarrier(1, 0, 0, CheckpointingMode.AT_LEAST_ONCE, false, 0, false,
                    SnapshotType.CHECKPOINT).mode()).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
            assertThat(new CheckpointBarrier(1, 0, 0, CheckpointingMode.EXACTLY_ONCE, true, 0, true,
                    SnapshotType.CHECKPOINT).unaligned()).isTrue();
        }
    }

    @Nested
    class WaitingForFirstBarrierState {
        @ParameterizedTest
        @EnumSource(BarrierAlignment.class)
        void theFirstBarrier_startsTheStateItsAlignmentNames(BarrierAlignment alignment) {
            BarrierState next = firstBarrier(context(3), 1, 2, alignment, 10);
            Class<?> expected = switch (alignment) {
                case AT_LEAST_ONCE -> CollectingAtLeastOnceBarriers.class;
                case ALIGNED -> CollectingAlignedBarriers.class;
                case ALIGNED_THEN_UNALIGNED -> CollectingAlignedBarriersWithTimeout.class;
                case UNALIGNED -> CollectingUnalignedBarriers.class;
            };
            assertThat(next).isExactlyInstanceOf(expected);
            assertThat(next.barrier().checkpointId()).isEqualTo(2);
            assertThat(next.observe().checkpointId()).isEqualTo(2);
        }

        @Test
        void timeoutsEndedChannelsAndAborts_leaveItWaiting_andAskForNothing() {
            WaitingForFirstBarrier waiting = new WaitingForFirstBarrier(context(2));
            assertThat(waiting.alignmentTimeout(Long.MAX_VALUE)).isSameAs(waiting);
            assertThat(waiting.channelFinished(0, 5)).isSameAs(waiting);
            assertThat(waiting.abort()).isSameAs(waiting);
            assertThat(waiting.alignmentDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
            assertThat(waiting.observe()).isInstanceOf(BarrierHandlerState.WaitingForFirstBarrier.class);
            assertThat(actions.log).isEmpty();
        }

        @Test
        void startDelay_isFromTheTriggerToTheFirstBarrier() {
            CheckpointBarrier b = new CheckpointBarrier(1, 0, 400, SnapshotType.CHECKPOINT,
                    BarrierAlignment.UNALIGNED, 0);
            new WaitingForFirstBarrier(context(2)).barrierReceived(0, b, 1_000);
            assertThat(actions.startDelays).containsExactly(600L);
        }
    }

    /** The last pending channel ends instead of delivering its barrier: each collecting state completes. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "ALIGNED; block 0, snapshot 4 aligned alignment=9, unblock all",
        "AT_LEAST_ONCE; snapshot 4 aligned alignment=9, unblock all",
        "UNALIGNED; snapshot 4 unaligned alignment=0, persist 1 of 4, stop 1 of 4, all barriers of 4 after 9"})
    void anEndedChannel_countsAsDelivered_andCompletesTheCheckpoint(BarrierAlignment alignment, String log) {
        AlignmentContext ctx = context(2);
        BarrierState s = firstBarrier(ctx, 0, 4, alignment, 0);
        ctx.markFinished(1);
        assertThat(s.channelFinished(1, 9)).isInstanceOf(WaitingForFirstBarrier.class);
        assertThat(actions.log).containsExactly(log.split(", "));
    }

    @Nested
    class CollectingAlignedState {
        @Test
        void blocksEachChannelThatDelivered_andSnapshotsAlignedAtTheLast() {
            AlignmentContext ctx = context(2);
            BarrierState s = firstBarrier(ctx, 1, 1, BarrierAlignment.ALIGNED, 0);
            assertThat(s.observe()).isEqualTo(new BarrierHandlerState.CollectingAligned(1, 0, 1, 2));
            s = s.barrierReceived(0, barrier(1, BarrierAlignment.ALIGNED), 70);
            assertThat(s).isInstanceOf(WaitingForFirstBarrier.class);
            assertThat(actions.log).containsExactly("block 1", "block 0", "snapshot 1 aligned alignment=70",
                    "unblock all");
            assertThat(ctx.isStale(1)).isTrue();
        }

        @Test
        void neverTimesOut() {
            BarrierState s = firstBarrier(context(2), 0, 1, BarrierAlignment.ALIGNED, 0);
            assertThat(s.alignmentTimeout(Long.MAX_VALUE / 2)).isSameAs(s);
            assertThat(s.alignmentDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
        }

        @Test
        void abort_unblocksEveryChannel_andMakesTheCheckpointsBarriersStale() {
            AlignmentContext ctx = context(2);
            BarrierState s = firstBarrier(ctx, 0, 4, BarrierAlignment.ALIGNED, 0);
            assertThat(s.abort()).isInstanceOf(WaitingForFirstBarrier.class);
            assertThat(actions.log).containsExactly("block 0", "unblock all");
            assertThat(ctx.isStale(4)).isTrue();
            assertThat(ctx.hasReceived(0)).isFalse();
        }
    }

    @Nested
    class CollectingAlignedWithTimeoutState {
        @Test
        void beforeTheDeadline_staysAligned() {
            BarrierState s = firstBarrier(context(2), 0, 3, BarrierAlignment.ALIGNED_THEN_UNALIGNED, 5_000);
            assertThat(s.alignmentDeadlineNanos()).isEqualTo(6_001);
            assertThat(s.alignmentTimeout(6_000)).isSameAs(s);
            assertThat(actions.log).containsExactly("block 0");
        }

        @Test
        void afterTheTimeout_switchesToUnaligned_withAnUnalignedBarrier_andPersistsThePendingChannels() {
            AlignmentContext ctx = context(4);
            BarrierState s = firstBarrier(ctx, 0, 3, BarrierAlignment.ALIGNED_THEN_UNALIGNED, 5_000);
            ctx.markFinished(3);
            s = s.channelFinished(3, 5_100);
            s = s.alignmentTimeout(6_001);
            assertThat(s).isInstanceOf(CollectingUnalignedBarriers.class);
            assertThat(s.barrier().unaligned()).isTrue();
            assertThat(actions.snapshotted).singleElement().satisfies(b -> assertThat(b.unaligned()).isTrue());
            assertThat(actions.log).containsExactly("block 0", "snapshot 3 unaligned alignment=1001", "unblock all",
                    "persist 1 of 3", "persist 2 of 3");
            assertThat(s.observe()).isEqualTo(new BarrierHandlerState.CollectingUnaligned(3, 5_000, 2, 4));
        }

        @Test
        void anUnalignedBarrierOfTheSameCheckpoint_switchesAtOnce() {
            BarrierState s = firstBarrier(context(2), 0, 3, BarrierAlignment.ALIGNED_THEN_UNALIGNED, 0);
            s = s.barrierReceived(1, barrier(3, BarrierAlignment.ALIGNED_THEN_UNALIGNED).asUnaligned(), 20);
            assertThat(s).isInstanceOf(WaitingForFirstBarrier.class);
            assertThat(actions.log).containsExactly("block 0", "snapshot 3 unaligned alignment=20", "unblock all",
                    "all barriers of 3 after 20");
        }

        @Test
        void allBarriersBeforeTheTimeout_isAnAlignedCheckpoint() {
            BarrierState s = firstBarrier(context(2), 0, 3, BarrierAlignment.ALIGNED_THEN_UNALIGNED, 0);
            s = s.barrierReceived(1, barrier(3, BarrierAlignment.ALIGNED_THEN_UNALIGNED), 900);
            assertThat(s).isInstanceOf(WaitingForFirstBarrier.class);
            assertThat(actions.log).containsExactly("block 0", "block 1", "snapshot 3 aligned alignment=900",
                    "unblock all");
        }
    }

    @Nested
    class CollectingUnalignedState {
        @Test
        void snapshotsAtTheFirstBarrier_thenStopsPersistingEachChannelAsItsBarrierArrives() {
            BarrierState s = firstBarrier(context(3), 1, 7, BarrierAlignment.UNALIGNED, 100);
            assertThat(actions.log).containsExactly("snapshot 7 unaligned alignment=0", "persist 0 of 7",
                    "persist 2 of 7");
            s = s.barrierReceived(2, barrier(7, BarrierAlignment.UNALIGNED), 130);
            assertThat(s.observe()).isEqualTo(new BarrierHandlerState.CollectingUnaligned(7, 100, 2, 3));
            s = s.barrierReceived(0, barrier(7, BarrierAlignment.UNALIGNED), 160);
            assertThat(s).isInstanceOf(WaitingForFirstBarrier.class);
            assertThat(actions.log).endsWith("stop 2 of 7", "stop 0 of 7", "all barriers of 7 after 60");
            assertThat(actions.log).noneMatch(a -> a.startsWith("block"));
        }

        @Test
        void abort_stopsPersistingThePendingChannels() {
            BarrierState s = firstBarrier(context(3), 0, 7, BarrierAlignment.UNALIGNED, 0);
            s = s.barrierReceived(2, barrier(7, BarrierAlignment.UNALIGNED), 1);
            assertThat(s.abort()).isInstanceOf(WaitingForFirstBarrier.class);
            assertThat(actions.log).endsWith("stop 2 of 7", "stop 1 of 7", "unblock all");
        }
    }

    @Nested
    class CollectingAtLeastOnceState {
        @Test
        void blocksNothing_andSnapshotsWhenTheLastBarrierArrives() {
            BarrierState s = firstBarrier(context(3), 2, 4, BarrierAlignment.AT_LEAST_ONCE, 10);
            s = s.barrierReceived(0, barrier(4, BarrierAlignment.AT_LEAST_ONCE), 20);
            assertThat(actions.log).isEmpty();
            assertThat(s.observe()).isEqualTo(new BarrierHandlerState.CollectingAtLeastOnce(4, 10, 2, 3));
            assertThat(s.alignmentTimeout(Long.MAX_VALUE / 2)).isSameAs(s);
            s = s.barrierReceived(1, barrier(4, BarrierAlignment.AT_LEAST_ONCE), 45);
            assertThat(s).isInstanceOf(WaitingForFirstBarrier.class);
            assertThat(actions.log).containsExactly("snapshot 4 aligned alignment=35", "unblock all");
            assertThat(actions.snapshotted).singleElement()
                    .satisfies(b -> assertThat(b.mode()).isEqualTo(CheckpointingMode.AT_LEAST_ONCE));
        }

        @Test
        void abort_givesTheCheckpointUpWithoutASnapshot() {
            AlignmentContext ctx = context(2);
            BarrierState s = firstBarrier(ctx, 0, 4, BarrierAlignment.AT_LEAST_ONCE, 0);
            assertThat(s.abort()).isInstanceOf(WaitingForFirstBarrier.class);
            assertThat(actions.snapshotted).isEmpty();
            assertThat(ctx.isStale(4)).isTrue();
        }
    }
}
