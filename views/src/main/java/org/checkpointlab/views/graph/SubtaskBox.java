package org.checkpointlab.views.graph;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * One subtask's box on an operator card: a square whose fill the live view sets (Flink's busy / backpressured /
 * idle colour) with a one-character glyph for its phase in the middle. Its border comes from the stylesheet and
 * the pseudo-classes the live view sets; the fill is set in code because it is a continuous scale, and only when
 * it changes.
 */
public final class SubtaskBox extends StackPane {
    private static final double RADIUS = 2;
    /** Room around the fill for the phase border the stylesheet draws. */
    private static final Insets BORDER_ROOM = new Insets(2.5);

    private final int index;
    private final Label glyph = new Label();
    /**
     * The colour layer. A child rather than the box's own background: an author stylesheet outranks
     * {@code setBackground}, so the box's CSS background would win on the next CSS pass. A rectangle rather than a
     * region: changing a shape's fill repaints it, while changing a region's background also invalidates the
     * bounds of every ancestor, which with 80 boxes changing colour made each frame's bounds pass costly.
     */
    private final Rectangle fillLayer = new Rectangle();
    private Color fill;
    private javafx.css.PseudoClass phase;
    private boolean flashing;

    SubtaskBox(int index) {
        this.index = index;
        getStyleClass().add(GraphStyles.SUBTASK);
        setMinSize(CardMetrics.BOX, CardMetrics.BOX);
        setPrefSize(CardMetrics.BOX, CardMetrics.BOX);
        setMaxSize(CardMetrics.BOX, CardMetrics.BOX);
        setUserData(index);
        setPadding(BORDER_ROOM);
        fillLayer.setMouseTransparent(true);
        fillLayer.setWidth(CardMetrics.BOX - BORDER_ROOM.getLeft() - BORDER_ROOM.getRight());
        fillLayer.setHeight(CardMetrics.BOX - BORDER_ROOM.getTop() - BORDER_ROOM.getBottom());
        fillLayer.setArcWidth(2 * RADIUS);
        fillLayer.setArcHeight(2 * RADIUS);
        fillLayer.setFill(Color.TRANSPARENT);
        glyph.getStyleClass().add(GraphStyles.SUBTASK_GLYPH);
        glyph.setMouseTransparent(true);
        getChildren().addAll(fillLayer, glyph);
    }

    /** The subtask index (0 to p-1). */
    public int index() {
        return index;
    }

    /** The fill set by {@link #showFill(Color, Color)}, or {@code null} while the stylesheet's fill shows. */
    public Color fill() {
        return fill;
    }

    /** The phase glyph. */
    public Label glyph() {
        return glyph;
    }

    /**
     * Fills the box with {@code color} and draws the glyph in {@code text}; {@code null} puts the stylesheet's
     * idle look back. Does nothing when the colour did not change.
     */
    public void showFill(Color color, Color text) {
        if (java.util.Objects.equals(color, fill)) {
            return;
        }
        fill = color;
        fillLayer.setFill(color == null ? Color.TRANSPARENT : color);
        glyph.setTextFill(text == null ? Color.BLACK : text);
    }

    /**
     * Switches the box's phase pseudo-class to {@code newPhase} (or none with {@code null}); touches the node's
     * pseudo-class state only when the phase changed, so a steady frame costs no CSS pass.
     */
    public void showPhase(javafx.css.PseudoClass newPhase) {
        if (java.util.Objects.equals(newPhase, phase)) {
            return;
        }
        if (phase != null) {
            pseudoClassStateChanged(phase, false);
        }
        if (newPhase != null) {
            pseudoClassStateChanged(newPhase, true);
        }
        phase = newPhase;
    }

    /** Sets or clears one pseudo-class used as a flag (e.g. a flash), only when it changed. */
    public void showFlash(javafx.css.PseudoClass flash, boolean on) {
        if (on != flashing) {
            flashing = on;
            pseudoClassStateChanged(flash, on);
        }
    }

    /** Sets the glyph text (only when it changed). */
    public void showGlyph(String text) {
        if (!text.equals(glyph.getText())) {
            glyph.setText(text);
        }
    }
}
