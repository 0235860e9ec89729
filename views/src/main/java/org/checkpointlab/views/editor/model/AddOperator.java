package org.checkpointlab.views.editor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;

/**
 * Adds an operator of a kind at a position, with parallelism 1, the default max parallelism and no explicit
 * parameters (so every parameter has its kind's default, and a saved file stays minimal). Its id is the kind's
 * name when free, else {@code kind-2}, {@code kind-3}, ...; its name is its id. The new operator becomes the
 * selection.
 */
public record AddOperator(OperatorKind kind, Position at) implements EditCommand {
    public AddOperator {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        String id = OperatorIds.fresh(kind.jsonName(), pipeline.operatorIds());
        List<OperatorSpec> operators = new ArrayList<>(pipeline.spec().operators());
        operators.add(new OperatorSpec(id, id, kind.jsonName(), 1, null, Map.of()));
        return pipeline.withSpec(pipeline.spec().withOperators(operators))
                .withPosition(id, at)
                .withSelection(Selection.ofOperators(id));
    }

    @Override
    public String description() {
        return "Add " + kind.jsonName();
    }
}
