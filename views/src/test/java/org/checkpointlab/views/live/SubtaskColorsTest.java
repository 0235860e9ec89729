package org.checkpointlab.views.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.checkpointlab.views.live.LiveFixtures.subtask;

import javafx.scene.paint.Color;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.junit.jupiter.api.Test;

class SubtaskColorsTest {

    @Test
    void allIdle_isFlinksIdleBlue_allBusy_isRed_allBackpressured_isBlack() {
        assertThat(SubtaskColors.fill(0, 0, 1000)).isEqualTo(rounded(SubtaskColors.IDLE));
        assertThat(SubtaskColors.fill(1000, 0, 0)).isEqualTo(rounded(SubtaskColors.BUSY));
        assertThat(SubtaskColors.fill(0, 1000, 0)).isEqualTo(rounded(SubtaskColors.BACKPRESSURED));
    }

    @Test
    void halfBusyHalfIdle_isAShadeBetweenRedAndBlue() {
        Color mix = SubtaskColors.fill(500, 0, 500);
        assertThat(mix.getRed()).isBetween(SubtaskColors.IDLE.getRed(), SubtaskColors.BUSY.getRed());
        assertThat(mix.getBlue()).isBetween(SubtaskColors.BUSY.getBlue(), SubtaskColors.IDLE.getBlue());
        assertThat(mix).isNotEqualTo(SubtaskColors.fill(500, 0, 0)).isNotEqualTo(SubtaskColors.fill(0, 0, 500));
    }

    @Test
    void moreBackpressure_isDarker() {
        double light = brightness(SubtaskColors.fill(800, 100, 100));
        double dark = brightness(SubtaskColors.fill(300, 600, 100));
        assertThat(dark).isLessThan(light);
    }

    @Test
    void onlyTheSharesMatter_notTheirSum() {
        assertThat(SubtaskColors.fill(250, 250, 500)).isEqualTo(SubtaskColors.fill(500, 500, 1000));
    }

    @Test
    void noMeasurementYet_isTheUnknownGrey_andNegativeTimesCountAsZero() {
        assertThat(SubtaskColors.fill(0, 0, 0)).isEqualTo(SubtaskColors.UNKNOWN);
        assertThat(SubtaskColors.fill(-5, 0, 1000)).isEqualTo(SubtaskColors.fill(0, 0, 1000));
    }

    @Test
    void glyphTextIsWhiteOnDarkFills_andDarkOnLightOnes() {
        assertThat(SubtaskColors.textOn(SubtaskColors.BACKPRESSURED)).isEqualTo(Color.WHITE);
        assertThat(SubtaskColors.textOn(SubtaskColors.UNKNOWN)).isNotEqualTo(Color.WHITE);
    }

    @Test
    void describe_givesEachShareInPercent() {
        assertThat(SubtaskColors.describe(620, 300, 80)).isEqualTo("busy 62 %, backpressured 30 %, idle 8 %");
    }

    @Test
    void phase_lifeCycleWinsOverCheckpointing_syncWinsOverBarriers_barriersOverAsync() {
        var aligning = new BarrierHandlerState.CollectingAligned(3, 0, 1, 2);
        assertThat(SubtaskPhase.of(subtask(SubtaskStatus.RESTORING, aligning, true, 1)))
                .isEqualTo(SubtaskPhase.RESTORING);
        assertThat(SubtaskPhase.of(subtask(SubtaskStatus.RUNNING, aligning, true, 1)))
                .isEqualTo(SubtaskPhase.SNAPSHOT_SYNC);
        assertThat(SubtaskPhase.of(subtask(SubtaskStatus.RUNNING, aligning, false, 1)))
                .isEqualTo(SubtaskPhase.ALIGNING);
        assertThat(SubtaskPhase.of(subtask(SubtaskStatus.RUNNING,
                new BarrierHandlerState.CollectingUnaligned(3, 0, 1, 2), false, 0))).isEqualTo(SubtaskPhase.UNALIGNED);
        assertThat(SubtaskPhase.of(subtask(SubtaskStatus.RUNNING,
                new BarrierHandlerState.CollectingAtLeastOnce(3, 0, 1, 2), false, 0)))
                .isEqualTo(SubtaskPhase.AT_LEAST_ONCE);
        assertThat(SubtaskPhase.of(subtask(SubtaskStatus.RUNNING,
                new BarrierHandlerState.WaitingForFirstBarrier(), false, 1))).isEqualTo(SubtaskPhase.SNAPSHOT_ASYNC);
        assertThat(SubtaskPhase.of(subtask(SubtaskStatus.RUNNING,
                new BarrierHandlerState.WaitingForFirstBarrier(), false, 0))).isEqualTo(SubtaskPhase.RUNNING);
        assertThat(SubtaskPhase.of(subtask(SubtaskStatus.FAILED, aligning, false, 0))).isEqualTo(SubtaskPhase.FAILED);
    }

    @Test
    void barrierProgress_saysWhichBarrierOnHowManyInputs() {
        assertThat(SubtaskPhase.barrierProgress(new BarrierHandlerState.CollectingAligned(7, 0, 1, 3)))
                .isEqualTo("barrier 7 on 1 of 3 inputs (aligned)");
        assertThat(SubtaskPhase.barrierProgress(new BarrierHandlerState.WaitingForFirstBarrier())).isEmpty();
    }

    private static Color rounded(Color c) {
        double steps = SubtaskColors.STEPS;
        return Color.color(Math.round(c.getRed() * steps) / steps, Math.round(c.getGreen() * steps) / steps,
                Math.round(c.getBlue() * steps) / steps);
    }

    private static double brightness(Color c) {
        return c.getRed() + c.getGreen() + c.getBlue();
    }
}
