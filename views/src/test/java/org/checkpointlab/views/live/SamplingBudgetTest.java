package org.checkpointlab.views.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamplingBudgetTest {
    private static final long FRAME = 16_666_667L;

    /** Runs 60 frames (one second); every sample costs {@code costNanos}. Returns the samples taken. */
    private static int oneSecond(SamplingBudget budget, long startNanos, long costNanos) {
        int sampled = 0;
        for (int i = 0; i < 60; i++) {
            if (budget.trySample(startNanos + i * FRAME)) {
                budget.spend(costNanos);
                sampled++;
            }
        }
        return sampled;
    }

    @Test
    void cheapSamples_happenEveryFrame() {
        SamplingBudget budget = new SamplingBudget(0.08, 2, 50_000_000L);

        assertThat(oneSecond(budget, 0, 500_000)).isEqualTo(60);
        assertThat(budget.skipped()).isZero();
    }

    @Test
    void costlySamples_areSpacedSoTheViewStaysWithinItsShareOfTheCpu() {
        SamplingBudget budget = new SamplingBudget(0.08, 2, 50_000_000L);
        oneSecond(budget, 0, 8_000_000); // spend the initial burst

        int sampled = oneSecond(budget, 60 * FRAME, 8_000_000);

        // 8 % of 2 cores is 160 ms of CPU a second: 20 samples of 8 ms.
        assertThat(sampled).isBetween(19, 21);
        assertThat(budget.samples() + budget.skipped()).isEqualTo(120);
    }

    @Test
    void unusedTime_isKeptOnlyUpToTheBurst() {
        SamplingBudget budget = new SamplingBudget(0.08, 2, 50_000_000L);
        budget.trySample(0);
        budget.spend(50_000_000);

        assertThat(budget.trySample(10_000_000_000L)).isTrue();
        budget.spend(50_000_000);
        assertThat(budget.trySample(10_000_000_000L + FRAME)).isTrue();
        budget.spend(10_000_000);
        assertThat(budget.trySample(10_000_000_000L + 2 * FRAME)).as("the burst is used up").isFalse();
    }

    @Test
    void idleCores_letTheViewSampleMore_andABusyMachineBringsItBackToItsShare() {
        SamplingBudget budget = new SamplingBudget(0.04, 2, 50_000_000L);
        oneSecond(budget, 0, 8_000_000); // spend the initial burst
        assertThat(oneSecond(budget, 60 * FRAME, 8_000_000)).as("4 %% of 2 cores: 80 ms, 10 samples of 8 ms")
                .isBetween(9, 11);

        budget.idleShare(0.6); // slow motion: the engine leaves most of the machine idle
        assertThat(oneSecond(budget, 120 * FRAME, 8_000_000)).as("half the idle 60 %%: 600 ms, 60 frames")
                .isEqualTo(60);

        budget.idleShare(0.03); // full speed again: every core busy
        oneSecond(budget, 180 * FRAME, 8_000_000); // the burst kept from the idle second
        assertThat(oneSecond(budget, 240 * FRAME, 8_000_000)).isBetween(9, 11);
    }

    @Test
    void aBudgetThatLeftFramesUnsampled_isConstrainedForASecond_thenNoLonger() {
        SamplingBudget budget = new SamplingBudget(0.04, 2, 50_000_000L);
        assertThat(budget.constrained(0)).as("nothing skipped yet").isFalse();
        oneSecond(budget, 0, 8_000_000);
        long lastSecond = 60 * FRAME;
        oneSecond(budget, lastSecond, 8_000_000);
        assertThat(budget.skipped()).isPositive();
        assertThat(budget.constrained(2 * lastSecond)).isTrue();

        budget.idleShare(1); // slow motion: cheap to sample every frame again
        long quietFrom = 2 * lastSecond + 3_000_000_000L;
        assertThat(oneSecond(budget, quietFrom, 100_000)).isEqualTo(60);
        assertThat(budget.constrained(quietFrom + 60 * FRAME)).as("a second without a skipped frame").isFalse();
    }

    @Test
    void anUnknownIdleShare_keepsTheShare() {
        SamplingBudget budget = new SamplingBudget(0.04, 2, 50_000_000L);
        budget.idleShare(Double.NaN);
        oneSecond(budget, 0, 8_000_000);

        assertThat(oneSecond(budget, 60 * FRAME, 8_000_000)).isBetween(9, 11);
    }

    @Test
    void impossibleBudgets_areRefused() {
        assertThatThrownBy(() -> new SamplingBudget(0, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SamplingBudget(0.1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
