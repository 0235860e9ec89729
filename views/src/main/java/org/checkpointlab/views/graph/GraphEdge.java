package org.checkpointlab.views.graph;

import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.pipeline.Partitioning;

/**
 * An edge of the pipeline graph between two operator nodes, drawn as an arrow labelled with its partitioning.
 * An edge that skips layers runs through a {@link Lane} in each column it crosses, so it stays off the cards
 * there; the automatic layout sets the lanes.
 */
public final class GraphEdge {
    /**
     * A horizontal stretch where the edge crosses a column, in graph coordinates.
     *
     * @param enterX left end (where the edge enters the column)
     * @param leaveX right end
     * @param y      height of the stretch
     */
    public record Lane(double enterX, double leaveX, double y) {
    }

    private final OperatorNode from;
    private final OperatorNode to;
    private final Partitioning partitioning;
    private final ObservableList<Lane> lanes = FXCollections.observableArrayList();

    public GraphEdge(OperatorNode from, OperatorNode to, Partitioning partitioning) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.partitioning = Objects.requireNonNull(partitioning, "partitioning");
    }

    public OperatorNode from() {
        return from;
    }

    public OperatorNode to() {
        return to;
    }

    public Partitioning partitioning() {
        return partitioning;
    }

    /** The text on the arrow: the partitioning as written in pipeline files, e.g. {@code hash}. */
    public String label() {
        return partitioning.jsonName();
    }

    /** The lanes the edge runs through, from its source side to its target side; empty between adjacent layers. */
    public ObservableList<Lane> lanes() {
        return FXCollections.unmodifiableObservableList(lanes);
    }

    void setLanes(List<Lane> newLanes) {
        lanes.setAll(newLanes);
    }

    @Override
    public String toString() {
        return from.id() + " -" + label() + "-> " + to.id();
    }
}
