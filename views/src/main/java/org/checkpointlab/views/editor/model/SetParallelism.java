package org.checkpointlab.views.editor.model;

import java.util.Objects;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;
import org.checkpointlab.views.i18n.Texts;

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
        String action = Texts.format("edit.parallelism.cannot", operatorId, parallelism);
        OperatorSpec op = pipeline.requireOperator(operatorId, action);
        if (parallelism < 1) {
            throw EditRefused.because(action, Texts.get("edit.parallelism.atLeastOne"));
        }
        if (op.maxParallelism() != null && parallelism > op.maxParallelism()) {
            throw EditRefused.because(action, Texts.format("edit.parallelism.aboveMax", op.maxParallelism()));
        }
        if (parallelism > PipelineValidator.UPPER_BOUND_MAX_PARALLELISM) {
            throw EditRefused.because(action, Texts.format("edit.parallelism.atMost",
                    PipelineValidator.UPPER_BOUND_MAX_PARALLELISM));
        }
        return pipeline.withOperator(operatorId, o -> o.withParallelism(parallelism));
    }

    @Override
    public String description() {
        return Texts.format("edit.parallelism", operatorId, parallelism);
    }
}
