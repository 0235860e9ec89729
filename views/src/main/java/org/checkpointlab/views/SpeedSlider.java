package org.checkpointlab.views;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.live.LiveJobViewModel;

/**
 * The toolbar's speed slider and its label: the slider runs 0..1, logarithmic from
 * {@value LiveJobViewModel#MIN_SPEED} to full speed; a speed set elsewhere (e.g. {@code gui --speed}) moves it.
 */
final class SpeedSlider {
    private SpeedSlider() {
    }

    /** Keeps {@code slider} and {@code speed} in step, and {@code label} saying the speed. */
    static void bind(Slider slider, Label label, DoubleProperty speed) {
        slider.valueProperty().addListener((obs, old, now) -> speed.set(toSpeed(now.doubleValue())));
        speed.addListener((obs, old, now) -> {
            if (Math.abs(toSpeed(slider.getValue()) - now.doubleValue()) > 1e-9) {
                slider.setValue(toPosition(now.doubleValue()));
            }
        });
        label.textProperty().bind(Bindings.createStringBinding(() -> speedText(speed.get()), speed));
    }

    /** Slider position 0..1 to speed: logarithmic from {@value LiveJobViewModel#MIN_SPEED} to 1. */
    static double toSpeed(double position) {
        return Math.pow(10, 3 * (Math.max(0, Math.min(1, position)) - 1));
    }

    /** Speed to slider position 0..1, the inverse of {@link #toSpeed(double)}. */
    static double toPosition(double speed) {
        return Math.max(0, Math.min(1, Math.log10(Math.max(LiveJobViewModel.MIN_SPEED, speed)) / 3 + 1));
    }

    static String speedText(double speed) {
        if (speed >= 0.999) {
            return Texts.get("main.speed.full");
        }
        return String.format(Locale.ROOT, "\u00d7%.3f%s", speed,
                speed <= 0.0015 ? Texts.get("main.speed.human") : "");
    }
}
