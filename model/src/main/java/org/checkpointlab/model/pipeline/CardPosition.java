package org.checkpointlab.model.pipeline;

/**
 * Where the editor drew an operator's card (its top-left corner, in graph coordinates), kept in the optional
 * {@code layout} section of a pipeline file so that a saved pipeline opens as it was arranged. The engine ignores it.
 */
public record CardPosition(double x, double y) {
    public CardPosition {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a card position must be finite, was (" + x + ", " + y + ")");
        }
    }
}
