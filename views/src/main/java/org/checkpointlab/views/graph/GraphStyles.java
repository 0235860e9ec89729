package org.checkpointlab.views.graph;

import javafx.css.PseudoClass;

/**
 * The CSS vocabulary of the pipeline graph: style classes and pseudo-classes used by {@link PipelineGraphView},
 * {@link OperatorCard} and {@link EdgeView}, defined in {@code checkpoint-lab.css}. Code never spells these
 * strings itself; the live view adds its pseudo-classes here.
 */
public final class GraphStyles {
    /** The graph canvas (background, grid). */
    public static final String GRAPH = "pipeline-graph";
    /** An operator card. */
    public static final String CARD = "operator-card";
    /** The accent dot in front of a card's title, coloured by the operator's role. */
    public static final String CARD_ACCENT = "card-accent";
    /** The operator name on a card. */
    public static final String CARD_TITLE = "card-title";
    /** The operator kind on a card. */
    public static final String CARD_KIND = "card-kind";
    /** The {@code p=N} parallelism badge on a card. */
    public static final String CARD_PARALLELISM = "card-parallelism";
    /** The row(s) of subtask boxes on a card. */
    public static final String SUBTASKS = "subtasks";
    /** One subtask box; the live view colours it. */
    public static final String SUBTASK = "subtask";
    /** The phase glyph inside a subtask box. */
    public static final String SUBTASK_GLYPH = "subtask-glyph";
    /** The state size on a card. */
    public static final String CARD_STATE = "card-state";
    /** An edge: line, arrow head and label together. */
    public static final String EDGE = "edge";
    /** The line of an edge. */
    public static final String EDGE_LINE = "edge-line";
    /** The invisible wide band along an edge that takes clicks. */
    public static final String EDGE_HIT = "edge-hit";
    /** The arrow head of an edge. */
    public static final String EDGE_ARROW = "edge-arrow";
    /** The partitioning label of an edge; also carries {@code partitioning-<name>}. */
    public static final String EDGE_LABEL = "edge-label";

    /** A card the user is dragging. */
    public static final PseudoClass DRAGGING = PseudoClass.getPseudoClass("dragging");
    /** A card or edge the editor has selected. */
    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** A card or edge the pipeline validation names in a problem. */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** The background while the user pans it. */
    public static final PseudoClass PANNING = PseudoClass.getPseudoClass("panning");

    private GraphStyles() {
    }

    /** The style class of an edge label for a partitioning, e.g. {@code partitioning-hash}. */
    public static String partitioningClass(String jsonName) {
        return "partitioning-" + jsonName;
    }
}
