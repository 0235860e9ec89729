package org.checkpointlab.views.editor.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;

/**
 * What the editor's copy puts on its clipboard: operators, the edges among them (edges to operators not copied
 * are left out) and their positions. Immutable, independent of the pipeline it came from; {@link Paste} inserts
 * it with fresh ids.
 */
public record CopiedOperators(List<OperatorSpec> operators, List<EdgeSpec> edges, Map<String, Position> positions) {
    public CopiedOperators {
        operators = List.copyOf(operators);
        edges = List.copyOf(edges);
        positions = Map.copyOf(positions);
        Set<String> ids = operators.stream().map(OperatorSpec::id).collect(Collectors.toSet());
        for (EdgeSpec e : edges) {
            if (!ids.contains(e.from()) || !ids.contains(e.to())) {
                throw new IllegalArgumentException("copied edge " + e + " joins an operator that was not copied");
            }
        }
    }

    /** A copy of the given operators of the pipeline (in pipeline order) and the edges among them. */
    public static CopiedOperators of(EditablePipeline pipeline, Set<String> operatorIds) {
        List<OperatorSpec> operators = pipeline.spec().operators().stream()
                .filter(o -> operatorIds.contains(o.id())).toList();
        List<EdgeSpec> edges = pipeline.spec().edges().stream()
                .filter(e -> operatorIds.contains(e.from()) && operatorIds.contains(e.to())).toList();
        Map<String, Position> positions = operators.stream()
                .collect(Collectors.toMap(OperatorSpec::id, o -> pipeline.positionOf(o.id())));
        return new CopiedOperators(operators, edges, positions);
    }

    /** A copy of the selected operators. */
    public static CopiedOperators ofSelection(EditablePipeline pipeline) {
        return of(pipeline, pipeline.selection().operators());
    }

    public boolean isEmpty() {
        return operators.isEmpty();
    }
}
