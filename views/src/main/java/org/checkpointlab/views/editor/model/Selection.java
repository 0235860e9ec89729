package org.checkpointlab.views.editor.model;

import java.util.Arrays;
import java.util.Set;

/** The operators and edges the user has selected on the canvas. Immutable; order does not matter. */
public record Selection(Set<String> operators, Set<EdgeRef> edges) {
    /** Nothing selected. */
    public static final Selection NONE = new Selection(Set.of(), Set.of());

    public Selection {
        operators = Set.copyOf(operators);
        edges = Set.copyOf(edges);
    }

    public static Selection ofOperators(String... ids) {
        return new Selection(Set.copyOf(Arrays.asList(ids)), Set.of());
    }

    public static Selection ofOperators(Set<String> ids) {
        return new Selection(ids, Set.of());
    }

    public static Selection ofEdge(String from, String to) {
        return new Selection(Set.of(), Set.of(new EdgeRef(from, to)));
    }

    public boolean isEmpty() {
        return operators.isEmpty() && edges.isEmpty();
    }
}
