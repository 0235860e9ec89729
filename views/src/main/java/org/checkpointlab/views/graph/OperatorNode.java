package org.checkpointlab.views.graph;

import java.util.Objects;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.checkpointlab.model.pipeline.OperatorSpec;

/**
 * One operator as a node of the pipeline graph: what its card shows (name, kind, parallelism, role) and where
 * the card's top-left corner is, in graph coordinates. The position is observable so that the card and the
 * edges attached to it follow when it is dragged or laid out again. Touched only on the FX thread.
 */
public final class OperatorNode {
    private final OperatorSpec operator;
    private final OperatorRole role;
    private final int layer;
    private final ReadOnlyDoubleWrapper x = new ReadOnlyDoubleWrapper(this, "x");
    private final ReadOnlyDoubleWrapper y = new ReadOnlyDoubleWrapper(this, "y");

    OperatorNode(OperatorSpec operator, OperatorRole role, int layer) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.role = Objects.requireNonNull(role, "role");
        this.layer = layer;
    }

    public OperatorSpec operator() {
        return operator;
    }

    public String id() {
        return operator.id();
    }

    public String name() {
        return operator.name();
    }

    public String kind() {
        return operator.kind();
    }

    public int parallelism() {
        return operator.parallelism();
    }

    public OperatorRole role() {
        return role;
    }

    /** The column the automatic layout put this operator in (0 = sources). */
    public int layer() {
        return layer;
    }

    public double width() {
        return CardMetrics.WIDTH;
    }

    public double height() {
        return CardMetrics.height(parallelism());
    }

    public ReadOnlyDoubleProperty xProperty() {
        return x.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty yProperty() {
        return y.getReadOnlyProperty();
    }

    public double x() {
        return x.get();
    }

    public double y() {
        return y.get();
    }

    /** Moves the card's top-left corner to a point in graph coordinates. */
    public void moveTo(double newX, double newY) {
        x.set(newX);
        y.set(newY);
    }

    @Override
    public String toString() {
        return "OperatorNode[" + id() + " at " + x() + "," + y() + "]";
    }
}
