package org.checkpointlab.views.graph;

import javafx.beans.InvalidationListener;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.collections.ListChangeListener;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import java.util.ArrayList;
import java.util.List;
import org.checkpointlab.views.graph.GraphEdge.Lane;

/**
 * The drawing of one {@link GraphEdge}: horizontal S-curves from the middle of the upstream card's right side,
 * straight through the edge's lanes (if it skips layers), to the middle of the downstream card's left side; an
 * arrow head at the downstream end; and the partitioning as a label on the middle of the first curve, next to
 * the upstream card. It follows both cards as they move and the lanes as the layout changes.
 */
public final class EdgeView extends Group {
    /** Length of the arrow head along the edge. */
    static final double ARROW_LENGTH = 10;
    /** Half the width of the arrow head. */
    static final double ARROW_HALF_WIDTH = 5;
    /** Width of the invisible band around the line that takes clicks. */
    static final double HIT_WIDTH = 14;
    /** Least horizontal reach of the curve's control points, so short and backward edges still bend smoothly. */
    private static final double MIN_BEND = 40;

    private final GraphEdge edge;
    private final Path line = new Path();
    /** A wide invisible copy of the line that catches the pointer, so a thin edge is easy to click. */
    private final Path hitLine = new Path();
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
        hitLine.getStyleClass().add(GraphStyles.EDGE_HIT);
        hitLine.setFill(null);
        hitLine.setStroke(javafx.scene.paint.Color.TRANSPARENT);
        hitLine.setStrokeWidth(HIT_WIDTH);
        getChildren().addAll(hitLine, line, arrow, label);

        InvalidationListener redraw = observable -> update();
        edge.from().xProperty().addListener(redraw);
        edge.from().yProperty().addListener(redraw);
        edge.to().xProperty().addListener(redraw);
        edge.to().yProperty().addListener(redraw);
        label.widthProperty().addListener(redraw);
        label.heightProperty().addListener(redraw);
        edge.lanes().addListener((ListChangeListener<Lane>) change -> update());
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

        List<PathElement> elements = new ArrayList<>();
        elements.add(new MoveTo(startX, startY));
        double x = startX;
        double y = startY;
        double[] labelAt = null;
        for (Lane lane : edge.lanes()) {
            CubicCurveTo curve = curve(x, y, lane.enterX(), lane.y());
            labelAt = labelAt == null ? midpoint(x, y, curve) : labelAt;
            elements.add(curve);
            elements.add(new LineTo(lane.leaveX(), lane.y()));
            x = lane.leaveX();
            y = lane.y();
        }
        CubicCurveTo last = curve(x, y, lineEndX, endY);
        labelAt = labelAt == null ? midpoint(x, y, last) : labelAt;
        elements.add(last);
        line.getElements().setAll(elements);
        hitLine.getElements().setAll(elements);

        arrow.getPoints().setAll(
                endX, endY,
                lineEndX, endY - ARROW_HALF_WIDTH,
                lineEndX, endY + ARROW_HALF_WIDTH);
        label.relocate(labelAt[0] - label.getWidth() / 2, labelAt[1] - label.getHeight() / 2);
    }

    /** A curve leaving and arriving horizontally, bending more the further apart its ends are. */
    private static CubicCurveTo curve(double fromX, double fromY, double toX, double toY) {
        double bend = Math.max(MIN_BEND, Math.abs(toX - fromX) / 2);
        return new CubicCurveTo(fromX + bend, fromY, toX - bend, toY, toX, toY);
    }

    /** The point at t = 0.5 of a cubic Bezier: (P0 + 3 P1 + 3 P2 + P3) / 8. */
    private static double[] midpoint(double fromX, double fromY, CubicCurveTo c) {
        return new double[] {
            (fromX + 3 * c.getControlX1() + 3 * c.getControlX2() + c.getX()) / 8,
            (fromY + 3 * c.getControlY1() + 3 * c.getControlY2() + c.getY()) / 8};
    }
}
