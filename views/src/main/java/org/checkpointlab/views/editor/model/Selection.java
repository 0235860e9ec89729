package org.checkpointlab.views.editor.model;

import java.util.Arrays;
import java.util.LinkedHashSet;
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

    /** This selection with the operator added, or removed when it was selected (Shift or Ctrl held). */
    public Selection withOperatorToggled(String id) {
        Set<String> ops = new LinkedHashSet<>(operators);
        if (!ops.remove(id)) {
            ops.add(id);
        }
        return new Selection(ops, edges);
    }

    /** This selection with the edge added, or removed when it was selected. */
    public Selection withEdgeToggled(EdgeRef edge) {
        Set<EdgeRef> selected = new LinkedHashSet<>(edges);
        if (!selected.remove(edge)) {
            selected.add(edge);
        }
        return new Selection(operators, selected);
    }
}
