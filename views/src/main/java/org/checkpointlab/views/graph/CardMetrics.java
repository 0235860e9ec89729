package org.checkpointlab.views.graph;

/**
 * The geometry of an operator card, shared by the layout (which must know how big cards are before any control
 * exists) and by {@link OperatorCard} (which sizes itself from these numbers, so that the drawing matches the
 * layout). A card is a fixed width; its height grows with the rows of subtask boxes.
 */
public final class CardMetrics {
    /** Card width in pixels. */
    public static final double WIDTH = 212;
    /** Inner padding on every side of a card. */
    public static final double PADDING = 12;
    /** Height of the title line (operator name). */
    public static final double TITLE_HEIGHT = 20;
    /** Height of the line with the kind and the parallelism. */
    public static final double DETAIL_HEIGHT = 16;
    /** Vertical gap between the title, the detail line and the subtask boxes. */
    public static final double SPACING = 6;
    /** Side of one subtask box. */
    public static final double BOX = 20;
    /** Gap between subtask boxes, horizontally and vertically. */
    public static final double BOX_GAP = 4;
    /** Horizontal distance between the cards of neighbouring layers (room for the edge, its label and the
     * live view's channel panel). */
    public static final double LAYER_GAP = 200;
    /** Vertical distance between cards of the same layer. */
    public static final double ROW_GAP = 40;

    /** Height reserved in a column for an edge that crosses it (a lane). */
    public static final double LANE_HEIGHT = 24;

    private CardMetrics() {
    }

    /** How many subtask boxes fit on one row of a card. */
    public static int boxesPerRow() {
        return (int) Math.floor((WIDTH - 2 * PADDING + BOX_GAP) / (BOX + BOX_GAP));
    }

    /** Number of rows of subtask boxes for a parallelism (at least one row). */
    public static int boxRows(int parallelism) {
        return Math.max(1, (Math.max(parallelism, 1) + boxesPerRow() - 1) / boxesPerRow());
    }

    /** Height of the area holding the subtask boxes. */
    public static double boxesHeight(int parallelism) {
        int rows = boxRows(parallelism);
        return rows * BOX + (rows - 1) * BOX_GAP;
    }

    /** Total height of a card for an operator of the given parallelism. */
    public static double height(int parallelism) {
        return 2 * PADDING + TITLE_HEIGHT + DETAIL_HEIGHT + 2 * SPACING + boxesHeight(parallelism);
    }
}
