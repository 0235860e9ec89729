package org.checkpointlab.views.editor.model;

import java.util.Objects;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;

/**
 * Sets an operator's number of subtasks: at least 1 and at most its max parallelism (its explicit one, else
 * {@value PipelineValidator#UPPER_BOUND_MAX_PARALLELISM}). A forward edge left between different parallelism is
 * not refused but shows up in {@link EditablePipeline#problems()}, so that a chain can be rescaled one operator
 * at a time.
 */
public record SetParallelism(String operatorId, int parallelism) implements EditCommand {
    public SetParallelism {
        Objects.requireNonNull(operatorId, "operatorId");
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        String action = "Cannot set parallelism of " + operatorId + " to " + parallelism;
        OperatorSpec op = pipeline.requireOperator(operatorId, action);
        if (parallelism < 1) {
            throw new EditRefused(action + ": parallelism must be at least 1");
        }
        if (op.maxParallelism() != null && parallelism > op.maxParallelism()) {
            throw new EditRefused(action + ": it is larger than its max parallelism " + op.maxParallelism()
                    + " (raise the max parallelism first)");
        }
        if (parallelism > PipelineValidator.UPPER_BOUND_MAX_PARALLELISM) {
            throw new EditRefused(action + ": parallelism must be at most "
                    + PipelineValidator.UPPER_BOUND_MAX_PARALLELISM);
        }
        return pipeline.withOperator(operatorId, o -> o.withParallelism(parallelism));
    }

    @Override
    public String description() {
        return "Set parallelism of " + operatorId + " to " + parallelism;
    }
}
