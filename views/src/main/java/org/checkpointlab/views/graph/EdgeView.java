package org.checkpointlab.views.graph;

import javafx.beans.InvalidationListener;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;

/**
 * The drawing of one {@link GraphEdge}: a horizontal S-curve from the middle of the upstream card's right side to
 * the middle of the downstream card's left side, an arrow head at the downstream end, and the partitioning as a
 * label on the curve's midpoint. It follows both cards as they move.
 */
public final class EdgeView extends Group {
    /** Length of the arrow head along the edge. */
    static final double ARROW_LENGTH = 10;
    /** Half the width of the arrow head. */
    static final double ARROW_HALF_WIDTH = 5;
    /** Least horizontal reach of the curve's control points, so short and backward edges still bend smoothly. */
    private static final double MIN_BEND = 40;

    private final GraphEdge edge;
    private final CubicCurve line = new CubicCurve();
    private final Polygon arrow = new Polygon();
    private final Label label;

    public EdgeView(GraphEdge edge) {
        this.edge = edge;
        getStyleClass().add(GraphStyles.EDGE);
        getStyleClass().add(GraphStyles.partitioningClass(edge.label()));
        setId("edge-" + edge.from().id() + "-" + edge.to().id());
        line.getStyleClass().add(GraphStyles.EDGE_LINE);
        line.setFill(null);
        arrow.getStyleClass().add(GraphStyles.EDGE_ARROW);
        label = new Label(edge.label());
        label.getStyleClass().addAll(GraphStyles.EDGE_LABEL, GraphStyles.partitioningClass(edge.label()));
        getChildren().addAll(line, arrow, label);

        InvalidationListener redraw = observable -> update();
        edge.from().xProperty().addListener(redraw);
        edge.from().yProperty().addListener(redraw);
        edge.to().xProperty().addListener(redraw);
        edge.to().yProperty().addListener(redraw);
        label.widthProperty().addListener(redraw);
        label.heightProperty().addListener(redraw);
        update();
    }

    public GraphEdge edge() {
        return edge;
    }

    /** The partitioning label (for the live view to decorate, e.g. with a record rate). */
    public Label label() {
        return label;
    }

    private void update() {
        OperatorNode from = edge.from();
        OperatorNode to = edge.to();
        double startX = from.x() + from.width();
        double startY = from.y() + from.height() / 2;
        double endX = to.x();
        double endY = to.y() + to.height() / 2;
        // The line stops at the arrow's base so its round cap does not poke through the tip.
        double lineEndX = endX - ARROW_LENGTH;
        double bend = Math.max(MIN_BEND, Math.abs(lineEndX - startX) / 2);
        line.setStartX(startX);
        line.setStartY(startY);
        line.setControlX1(startX + bend);
        line.setControlY1(startY);
        line.setControlX2(lineEndX - bend);
        line.setControlY2(endY);
        line.setEndX(lineEndX);
        line.setEndY(endY);
        arrow.getPoints().setAll(
                endX, endY,
                lineEndX, endY - ARROW_HALF_WIDTH,
                lineEndX, endY + ARROW_HALF_WIDTH);
        // Midpoint of a cubic Bezier: (P0 + 3 P1 + 3 P2 + P3) / 8.
        double midX = (startX + 3 * (startX + bend) + 3 * (lineEndX - bend) + lineEndX) / 8;
        double midY = (startY + 3 * startY + 3 * endY + endY) / 8;
        label.relocate(midX - label.getWidth() / 2, midY - label.getHeight() / 2);
    }
}
