package org.checkpointlab.views.editor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.checkpointlab.model.pipeline.LabDefaults;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;
import org.checkpointlab.views.i18n.Texts;

/**
 * Adds an operator of a kind at a position, with the given parallelism (1 unless said), the default max
 * parallelism and the lab's parameters for its kind ({@link LabDefaults#params}: a source runs until stopped at a
 * rate a person can follow; other kinds get no explicit parameters, so every parameter has its kind's default and
 * a saved file stays minimal). Its id is the kind's
 * name when free, else {@code kind-2}, {@code kind-3}, ...; its name is its id. The new operator becomes the
 * selection.
 */
public record AddOperator(OperatorKind kind, Position at, int parallelism) implements EditCommand {
    public AddOperator {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if (parallelism < 1 || parallelism > PipelineValidator.UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be between 1 and "
                    + PipelineValidator.UPPER_BOUND_MAX_PARALLELISM + ", was " + parallelism);
        }
    }

    /** Adds an operator with parallelism 1. */
    public AddOperator(OperatorKind kind, Position at) {
        this(kind, at, 1);
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        String id = OperatorIds.fresh(kind.jsonName(), pipeline.operatorIds());
        List<OperatorSpec> operators = new ArrayList<>(pipeline.spec().operators());
        operators.add(new OperatorSpec(id, id, kind.jsonName(), parallelism, null,
                LabDefaults.params(kind)));
        return pipeline.withSpec(pipeline.spec().withOperators(operators))
                .withPosition(id, at)
                .withSelection(Selection.ofOperators(id));
    }

    @Override
    public String description() {
        return Texts.format("edit.add", kind.jsonName());
    }
}
