package org.checkpointlab.views.editor.model;

import java.util.Objects;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.views.i18n.Texts;

/**
 * Changes how an edge distributes records; refused for forward between different parallelism and for a
 * non-hash edge into a keyed operator.
 */
public record SetPartitioning(String from, String to, Partitioning partitioning) implements EditCommand {
    public SetPartitioning {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(partitioning, "partitioning");
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        String action = Texts.format("edit.partitioning.cannot", from, to, partitioning.jsonName());
        pipeline.requireEdge(from, to, action);
        Wiring.partitioningProblem(pipeline.requireOperator(from, action), pipeline.requireOperator(to, action),
                partitioning).ifPresent(p -> {
                    throw EditRefused.because(action, p);
                });
        return pipeline.withEdges(pipeline.spec().edges().stream()
                .map(e -> e.from().equals(from) && e.to().equals(to) ? new EdgeSpec(from, to, partitioning) : e)
                .toList());
    }

    @Override
    public String description() {
        return Texts.format("edit.partitioning", from, to, partitioning.jsonName());
    }
}
