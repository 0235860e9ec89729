package org.checkpointlab.views.editor.model;

import java.util.Objects;
import org.checkpointlab.model.pipeline.EdgeSpec;

/**
 * An edge named by its two ends, without its partitioning: a pipeline connects two operators at most once, so
 * this is how the selection and the commands point at an edge whose partitioning may change.
 */
public record EdgeRef(String from, String to) {
    public EdgeRef {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static EdgeRef of(EdgeSpec edge) {
        return new EdgeRef(edge.from(), edge.to());
    }

    public boolean matches(EdgeSpec edge) {
        return edge.from().equals(from) && edge.to().equals(to);
    }

    public boolean touches(String operatorId) {
        return from.equals(operatorId) || to.equals(operatorId);
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
