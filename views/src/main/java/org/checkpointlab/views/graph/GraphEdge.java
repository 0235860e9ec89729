package org.checkpointlab.views.graph;

import java.util.Objects;
import org.checkpointlab.model.pipeline.Partitioning;

/**
 * An edge of the pipeline graph between two operator nodes, drawn as an arrow labelled with its partitioning.
 */
public record GraphEdge(OperatorNode from, OperatorNode to, Partitioning partitioning) {
    public GraphEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(partitioning, "partitioning");
    }

    /** The text on the arrow: the partitioning as written in pipeline files, e.g. {@code hash}. */
    public String label() {
        return partitioning.jsonName();
    }
}
