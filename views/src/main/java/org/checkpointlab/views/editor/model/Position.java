package org.checkpointlab.views.editor.model;

/** Where an operator's card sits on the editor canvas, in canvas pixels (top-left corner). */
public record Position(double x, double y) {
    /** The canvas origin, used for operators that have no position yet. */
    public static final Position ORIGIN = new Position(0, 0);

    public Position {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a position needs finite coordinates, was (" + x + ", " + y + ")");
        }
    }

    /** This position moved by {@code dx, dy}. */
    public Position offset(double dx, double dy) {
        return new Position(x + dx, y + dy);
    }
}
