package org.checkpointlab.views.editor.model;

import java.util.Objects;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;

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
        String action = "Cannot " + lowerDescription();
        OperatorSpec op = pipeline.requireOperator(operatorId, action);
        if (maxParallelism != null) {
            if (maxParallelism < 1 || maxParallelism > PipelineValidator.UPPER_BOUND_MAX_PARALLELISM) {
                throw new EditRefused(action + ": max parallelism must be between 1 and "
                        + PipelineValidator.UPPER_BOUND_MAX_PARALLELISM);
            }
            if (maxParallelism < op.parallelism()) {
                throw new EditRefused(action + ": it is smaller than the parallelism " + op.parallelism());
            }
        }
        return pipeline.withOperator(operatorId, o -> new OperatorSpec(o.id(), o.name(), o.kind(), o.parallelism(),
                maxParallelism, o.params()));
    }

    @Override
    public String description() {
        return "Set max parallelism of " + operatorId + " to " + (maxParallelism == null ? "default" : maxParallelism);
    }

    private String lowerDescription() {
        return "s" + description().substring(1);
    }
}
