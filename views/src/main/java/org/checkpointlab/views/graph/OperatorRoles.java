package org.checkpointlab.views.graph;

import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;

/** Decides which {@link OperatorRole} an operator of a pipeline plays. */
public final class OperatorRoles {
    private OperatorRoles() {
    }

    /**
     * The role of an operator, from where it sits in the pipeline: no inputs makes a source, no outputs a sink,
     * a hash (keyBy) input a keyed operator, anything else a transformation.
     */
    public static OperatorRole roleOf(OperatorSpec operator, PipelineSpec pipeline) {
        var inputs = pipeline.inputsOf(operator.id());
        if (inputs.isEmpty()) {
            return OperatorRole.SOURCE;
        }
        if (pipeline.outputsOf(operator.id()).isEmpty()) {
            return OperatorRole.SINK;
        }
        if (inputs.stream().anyMatch(e -> e.partitioning() == Partitioning.HASH)) {
            return OperatorRole.KEYED;
        }
        return OperatorRole.TRANSFORMATION;
    }
}
