package org.checkpointlab.views.editor.model;

import java.util.Set;
import org.checkpointlab.views.i18n.Texts;

/** Shared removal of operators (with their edges) and edges, for the delete commands. */
final class Removal {
    private Removal() {
    }

    static EditablePipeline remove(EditablePipeline pipeline, Set<String> operatorIds, Set<EdgeRef> edges,
                                   String action) {
        if (operatorIds.isEmpty() && edges.isEmpty()) {
            throw new EditRefused(Texts.format("edit.removal.nothing", lower(action)));
        }
        for (String id : operatorIds) {
            pipeline.requireOperator(id, Texts.format("edit.cannot", lower(action)));
        }
        for (EdgeRef e : edges) {
            pipeline.requireEdge(e.from(), e.to(), Texts.format("edit.cannot", lower(action)));
        }
        var spec = pipeline.spec();
        var operators = spec.operators().stream().filter(o -> !operatorIds.contains(o.id())).toList();
        var keptEdges = spec.edges().stream()
                .filter(e -> !operatorIds.contains(e.from()) && !operatorIds.contains(e.to()))
                .filter(e -> edges.stream().noneMatch(r -> r.matches(e)))
                .toList();
        return pipeline.withSpec(spec.withOperators(operators)).withEdges(keptEdges);
    }

    private static String lower(String action) {
        return action.isEmpty() ? action : Character.toLowerCase(action.charAt(0)) + action.substring(1);
    }
}
