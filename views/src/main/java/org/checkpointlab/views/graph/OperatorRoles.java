package org.checkpointlab.views.graph;

import java.util.List;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;

/** Decides which {@link OperatorRole} an operator of a pipeline plays. */
public final class OperatorRoles {
    private OperatorRoles() {
    }

    /**
     * The role of an operator. For a known {@link OperatorKind}: its source and sink roles, and keyed kinds
     * (keyed state, windows) as {@link OperatorRole#KEYED}. For an unknown kind, from where it sits in the
     * pipeline: no inputs makes a source, no outputs a sink, a hash (keyBy) input a keyed operator, anything
     * else a transformation.
     */
    public static OperatorRole roleOf(OperatorSpec operator, PipelineSpec pipeline) {
        return OperatorKind.byJsonName(operator.kind())
                .map(OperatorRoles::roleOf)
                .orElseGet(() -> roleFromPlace(operator, pipeline));
    }

    static OperatorRole roleOf(OperatorKind kind) {
        return switch (kind.role()) {
            case SOURCE -> OperatorRole.SOURCE;
            case SINK -> OperatorRole.SINK;
            case TRANSFORM -> kind.keyed() ? OperatorRole.KEYED : OperatorRole.TRANSFORMATION;
        };
    }

    private static OperatorRole roleFromPlace(OperatorSpec operator, PipelineSpec pipeline) {
        List<EdgeSpec> inputs = pipeline.inputsOf(operator.id());
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
