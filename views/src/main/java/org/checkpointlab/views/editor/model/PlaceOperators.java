package org.checkpointlab.views.editor.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.checkpointlab.views.i18n.Texts;

/**
 * Puts operators' cards at given positions in one step, e.g. where the automatic layout wants them; operators
 * not named keep their place. Unknown ids are refused.
 */
public record PlaceOperators(Map<String, Position> positions, String description) implements EditCommand {
    public PlaceOperators {
        positions = Map.copyOf(positions);
        Objects.requireNonNull(description, "description");
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        Map<String, Position> placed = new HashMap<>(pipeline.positions());
        for (var e : positions.entrySet()) {
            pipeline.requireOperator(e.getKey(), Texts.format("edit.cannot",
                    description.toLowerCase(java.util.Locale.ROOT)));
            placed.put(e.getKey(), e.getValue());
        }
        return pipeline.withPositions(placed);
    }
}
