package org.checkpointlab.views.editor.model;

import java.util.Objects;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;
import org.checkpointlab.views.i18n.Texts;

/**
 * Sets an operator's max parallelism (its number of key groups), from its parallelism up to
 * {@value PipelineValidator#UPPER_BOUND_MAX_PARALLELISM}; {@code null} goes back to Flink's default.
 */
public record SetMaxParallelism(String operatorId, Integer maxParallelism) implements EditCommand {
    public SetMaxParallelism {
        Objects.requireNonNull(operatorId, "operatorId");
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        String action = Texts.format("edit.cannot", lowerDescription());
        OperatorSpec op = pipeline.requireOperator(operatorId, action);
        if (maxParallelism != null) {
            if (maxParallelism < 1 || maxParallelism > PipelineValidator.UPPER_BOUND_MAX_PARALLELISM) {
                throw EditRefused.because(action, Texts.format("edit.maxParallelism.range",
                        PipelineValidator.UPPER_BOUND_MAX_PARALLELISM));
            }
            if (maxParallelism < op.parallelism()) {
                throw EditRefused.because(action,
                        Texts.format("edit.maxParallelism.belowParallelism", op.parallelism()));
            }
        }
        return pipeline.withOperator(operatorId, o -> new OperatorSpec(o.id(), o.name(), o.kind(), o.parallelism(),
                maxParallelism, o.params()));
    }

    @Override
    public String description() {
        return Texts.format("edit.maxParallelism", operatorId,
                maxParallelism == null ? Texts.get("edit.maxParallelism.default") : maxParallelism);
    }

    private String lowerDescription() {
        String d = description();
        return d.isEmpty() ? d : Character.toLowerCase(d.charAt(0)) + d.substring(1);
    }
}
