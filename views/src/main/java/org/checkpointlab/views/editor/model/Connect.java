package org.checkpointlab.views.editor.model;

import java.util.ArrayList;
import java.util.Objects;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.views.i18n.Texts;

/**
 * Adds an edge from an output to an input, refusing at once what the pipeline validation would reject for this
 * edge: an operator wired to itself, a duplicate edge, a source with an input, a sink with an output, more inputs
 * than the kind takes, a cycle, forward between different parallelism, a keyed operator fed by a non-hash edge.
 * The new edge becomes the selection.
 */
public record Connect(String from, String to, Partitioning partitioning) implements EditCommand {
    public Connect {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(partitioning, "partitioning");
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        String action = Texts.format("edit.connect.cannot", from, to);
        var fromOp = pipeline.requireOperator(from, action);
        var toOp = pipeline.requireOperator(to, action);
        Wiring.connectionProblem(pipeline, fromOp, toOp, partitioning).ifPresent(p -> {
            throw EditRefused.because(action, p);
        });
        var edges = new ArrayList<>(pipeline.spec().edges());
        edges.add(new EdgeSpec(from, to, partitioning));
        return pipeline.withEdges(edges).withSelection(Selection.ofEdge(from, to));
    }

    @Override
    public String description() {
        return Texts.format("edit.connect", from, to, partitioning.jsonName());
    }
}
