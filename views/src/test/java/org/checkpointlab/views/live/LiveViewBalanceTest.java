package org.checkpointlab.views.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The three balances as policies of the {@link SamplingBudget}, on a 2-core machine whose cores the engine keeps busy. */
class LiveViewBalanceTest {
    private static final long FRAME = 16_666_667L;
    private static final long SECOND = 1_000_000_000L;

    /** Frames every {@code interval} ns for one second from {@code start}; each sample costs {@code cost} ns. */
    private static int oneSecond(SamplingBudget budget, long start, long interval, long cost) {
        int sampled = 0;
        for (long t = start; t < start + SECOND; t += interval) {
            if (budget.trySample(t)) {
                budget.spend(cost);
                sampled++;
            }
        }
        return sampled;
    }

    /** The samples of the second second at frames every {@code interval} ns: the first spends the initial burst. */
    private static int steadySecond(SamplingBudget budget, long interval, long cost) {
        oneSecond(budget, 0, interval, cost);
        return oneSecond(budget, SECOND, interval, cost);
    }

    private static SamplingBudget busyMachine(LiveViewBalance balance) {
        SamplingBudget budget = new SamplingBudget(balance, 2, SamplingBudget.BURST_NANOS);
        budget.idleShare(0.02);
        return budget;
    }

    @Test
    void balanced_refreshesAtLeastTwelveTimesASecond_evenWhenEachSampleCostsMoreThanItsShare() {
        SamplingBudget budget = busyMachine(LiveViewBalance.BALANCED);
        oneSecond(budget, 0, FRAME, 20_000_000); // spends the initial burst

        for (int second = 1; second <= 5; second++) {
            assertThat(oneSecond(budget, second * SECOND, FRAME, 20_000_000)).as("second %d", second)
                    .isBetween(12, 13);
        }
    }

    @Test
    void balanced_samplesMoreThanItsMinimum_whenItsShareBuysMore() {
        // 6 % of 2 cores is 120 ms of CPU a second: 30 samples of 4 ms, more than the minimum of 12.
        assertThat(steadySecond(busyMachine(LiveViewBalance.BALANCED), FRAME, 4_000_000)).isBetween(29, 31);
    }

    @Test
    void engineFirst_isTheShareAlone_asBefore() {
        SamplingBudget budget = busyMachine(LiveViewBalance.ENGINE_FIRST);

        // 3 % of 2 cores: 60 ms a second, 3 samples of 20 ms.
        assertThat(steadySecond(budget, FRAME, 20_000_000)).isBetween(2, 4);
        assertThat(budget.balance()).isEqualTo(LiveViewBalance.ENGINE_FIRST);
    }

    @Test
    void smooth_refreshesAtLeastThirtyTimesASecond() {
        assertThat(steadySecond(busyMachine(LiveViewBalance.SMOOTH), FRAME, 20_000_000)).isBetween(30, 31);
    }

    @Test
    void theMinimumRateHolds_whenTheDisplayDropsFrames() {
        long late = 50_000_000L; // 20 frames a second, not 60

        assertThat(steadySecond(busyMachine(LiveViewBalance.BALANCED), late, 20_000_000)).isBetween(12, 13);
    }

    @Test
    void aLongStall_isNotFollowedByABurstOfSamples() {
        SamplingBudget budget = busyMachine(LiveViewBalance.BALANCED);
        oneSecond(budget, 0, FRAME, 20_000_000);
        long afterStall = 3 * SECOND; // two seconds without a frame

        int sampled = 0;
        for (int i = 0; i < 6; i++) { // the first 100 ms after the stall
            if (budget.trySample(afterStall + i * FRAME)) {
                budget.spend(20_000_000);
                sampled++;
            }
        }
        // The burst of the share (50 ms: three samples of 20 ms) and at most two paced samples owed, not the
        // 24 paced samples of two seconds.
        assertThat(sampled).isLessThanOrEqualTo(5);
    }

    @Test
    void switchingTheBalance_takesEffectAtOnce() {
        SamplingBudget budget = busyMachine(LiveViewBalance.ENGINE_FIRST);
        oneSecond(budget, 0, FRAME, 20_000_000);
        assertThat(oneSecond(budget, SECOND, FRAME, 20_000_000)).isBetween(2, 4);

        budget.use(LiveViewBalance.SMOOTH);
        oneSecond(budget, 2 * SECOND, FRAME, 20_000_000); // the engine-first debt is paid back in the first second

        assertThat(oneSecond(budget, 3 * SECOND, FRAME, 20_000_000)).isBetween(30, 31);
        budget.use(LiveViewBalance.ENGINE_FIRST);
        oneSecond(budget, 4 * SECOND, FRAME, 20_000_000);
        assertThat(oneSecond(budget, 5 * SECOND, FRAME, 20_000_000)).isBetween(2, 4);
    }

    @Test
    void idleCores_stillLetEveryBalanceSampleEveryFrame() {
        for (LiveViewBalance balance : LiveViewBalance.values()) {
            SamplingBudget budget = new SamplingBudget(balance, 2, SamplingBudget.BURST_NANOS);
            budget.idleShare(0.8); // slow motion
            oneSecond(budget, 0, FRAME, 5_000_000);
            assertThat(oneSecond(budget, SECOND, FRAME, 5_000_000)).as(balance.name()).isEqualTo(60);
        }
    }

    @Test
    void balances_areNamedOnTheCommandLine_andAnUnknownNameIsRefusedWithTheChoices() {
        assertThat(LiveViewBalance.parse("engine-first")).isEqualTo(LiveViewBalance.ENGINE_FIRST);
        assertThat(LiveViewBalance.parse(" Smooth ")).isEqualTo(LiveViewBalance.SMOOTH);
        assertThat(LiveViewBalance.parse("balanced")).isEqualTo(LiveViewBalance.BALANCED);
        assertThatThrownBy(() -> LiveViewBalance.parse("fast")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fast'").hasMessageContaining("smooth|balanced|engine-first");
    }
}
