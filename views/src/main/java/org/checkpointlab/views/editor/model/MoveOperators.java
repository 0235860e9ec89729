package org.checkpointlab.views.editor.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.checkpointlab.views.i18n.Texts;

/** Moves operators' cards by the same offset (a drag of the selection). */
public record MoveOperators(Set<String> operatorIds, double dx, double dy) implements EditCommand {
    public MoveOperators {
        operatorIds = Set.copyOf(operatorIds);
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        if (operatorIds.isEmpty()) {
            throw new EditRefused(Texts.get("edit.move.noOperator"));
        }
        Map<String, Position> positions = new HashMap<>(pipeline.positions());
        for (String id : operatorIds) {
            pipeline.requireOperator(id, Texts.format("edit.move.cannot", id));
            positions.put(id, pipeline.positionOf(id).offset(dx, dy));
        }
        return pipeline.withPositions(positions);
    }

    @Override
    public String description() {
        return operatorIds.size() == 1 ? Texts.format("edit.move.one", operatorIds.iterator().next())
                : Texts.format("edit.move.many", operatorIds.size(), String.join(", ", new TreeSet<>(operatorIds)));
    }
}
