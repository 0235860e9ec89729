package org.checkpointlab.views.live;

import javafx.scene.paint.Color;
import org.checkpointlab.views.i18n.Texts;

/**
 * Flink's job-graph colour scale for a subtask: idle blue, busy red, backpressured black, and shades between.
 * The colour mixes the three base colours in proportion to {@code idleTimeMsPerSecond},
 * {@code busyTimeMsPerSecond} and {@code backPressuredTimeMsPerSecond} (which sum to about 1000), so a subtask
 * that is half busy and half idle is a purple between red and blue, and one that waits mostly for output credits
 * turns dark. Pure functions, no FX thread needed.
 */
public final class SubtaskColors {
    /** Waiting for input: nothing to do. */
    public static final Color IDLE = Color.web("#5b8def");
    /** Processing records. */
    public static final Color BUSY = Color.web("#e0382b");
    /** Waiting for an output buffer (no credit from downstream): backpressured. */
    public static final Color BACKPRESSURED = Color.web("#17191c");
    /** A subtask with no measurement yet (not started, or no time sampled). */
    public static final Color UNKNOWN = Color.web("#d5dbe3");
    /** Steps per channel the colour is rounded to, so the fill changes only when the difference is visible. */
    static final int STEPS = 20;

    private SubtaskColors() {
    }

    /**
     * The fill for a subtask's time split. Negative inputs count as zero; when all three are zero the subtask
     * has not been measured and gets {@link #UNKNOWN}.
     */
    public static Color fill(double busyMsPerSecond, double backPressuredMsPerSecond, double idleMsPerSecond) {
        double busy = Math.max(0, busyMsPerSecond);
        double bp = Math.max(0, backPressuredMsPerSecond);
        double idle = Math.max(0, idleMsPerSecond);
        double total = busy + bp + idle;
        if (total <= 0) {
            return UNKNOWN;
        }
        double r = (BUSY.getRed() * busy + BACKPRESSURED.getRed() * bp + IDLE.getRed() * idle) / total;
        double g = (BUSY.getGreen() * busy + BACKPRESSURED.getGreen() * bp + IDLE.getGreen() * idle) / total;
        double b = (BUSY.getBlue() * busy + BACKPRESSURED.getBlue() * bp + IDLE.getBlue() * idle) / total;
        return Color.color(round(r), round(g), round(b));
    }

    /** Black or white, whichever reads better on {@code fill}. */
    public static Color textOn(Color fill) {
        double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        return luminance > 0.55 ? Color.web("#1e2630") : Color.WHITE;
    }

    /** The dominant share in words, e.g. "busy 62 %, backpressured 30 %, idle 8 %". */
    public static String describe(double busyMsPerSecond, double backPressuredMsPerSecond, double idleMsPerSecond) {
        return Texts.format("subtask.shares", percent(busyMsPerSecond),
                percent(backPressuredMsPerSecond), percent(idleMsPerSecond));
    }

    private static int percent(double msPerSecond) {
        return (int) Math.round(Math.max(0, Math.min(1000, msPerSecond)) / 10);
    }

    private static double round(double channel) {
        return Math.max(0, Math.min(1, Math.round(channel * STEPS) / (double) STEPS));
    }
}
