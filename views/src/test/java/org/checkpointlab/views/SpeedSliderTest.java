package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The speed slider is logarithmic; a speed set elsewhere (e.g. {@code gui --speed}) moves it to the same place. */
class SpeedSliderTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.001, 0.01, 0.05, 0.3, 1.0})
    void positionOfASpeed_givesThatSpeedBack(double speed) {
        assertThat(SpeedSlider.toSpeed(SpeedSlider.toPosition(speed))).isCloseTo(speed, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0001, 5})
    void speedsOutsideTheRange_putTheSliderAtItsEnds(double speed) {
        assertThat(SpeedSlider.toPosition(speed)).isBetween(0.0, 1.0);
    }
}
