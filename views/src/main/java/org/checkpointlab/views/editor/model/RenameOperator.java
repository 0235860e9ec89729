package org.checkpointlab.views.editor.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.views.i18n.Texts;

/**
 * Changes an operator's id (the uid that matches it to saved state): its edges, position and selection follow.
 * A name that was the old id becomes the new id; a name the user gave stays. Refused for a blank id, an id with
 * surrounding spaces, or an id another operator has.
 */
public record RenameOperator(String oldId, String newId) implements EditCommand {
    public RenameOperator {
        Objects.requireNonNull(oldId, "oldId");
        Objects.requireNonNull(newId, "newId");
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        String action = Texts.format("edit.rename.cannot", oldId, newId);
        pipeline.requireOperator(oldId, action);
        if (newId.equals(oldId)) {
            return pipeline;
        }
        if (newId.isBlank()) {
            throw EditRefused.because(action, Texts.get("edit.rename.blank"));
        }
        if (!newId.strip().equals(newId)) {
            throw EditRefused.because(action, Texts.get("edit.rename.spaces"));
        }
        if (pipeline.operator(newId).isPresent()) {
            throw EditRefused.because(action, Texts.get("edit.rename.taken"));
        }
        var renamed = pipeline.withOperator(oldId, o -> new OperatorSpec(newId,
                o.name().equals(oldId) ? newId : o.name(), o.kind(), o.parallelism(), o.maxParallelism(),
                o.params()));
        var edges = pipeline.spec().edges().stream()
                .map(e -> new EdgeSpec(rename(e.from()), rename(e.to()), e.partitioning()))
                .toList();
        Map<String, Position> positions = new HashMap<>();
        pipeline.positions().forEach((id, p) -> positions.put(rename(id), p));
        Selection old = pipeline.selection();
        Selection selection = new Selection(
                old.operators().stream().map(this::rename).collect(Collectors.toSet()),
                old.edges().stream().map(e -> new EdgeRef(rename(e.from()), rename(e.to())))
                        .collect(Collectors.toSet()));
        return new EditablePipeline(renamed.withEdges(edges).spec(), positions, selection);
    }

    private String rename(String id) {
        return id.equals(oldId) ? newId : id;
    }

    @Override
    public String description() {
        return Texts.format("edit.rename", oldId, newId);
    }
}
