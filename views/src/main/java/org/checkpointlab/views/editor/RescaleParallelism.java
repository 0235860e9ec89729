package org.checkpointlab.views.editor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.checkpointlab.views.editor.model.EditCommand;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.editor.model.SetParallelism;
import org.checkpointlab.views.i18n.Texts;

/**
 * Records a rescale via savepoint in the edit history as one undoable step: a {@link SetParallelism} for every
 * operator whose parallelism changed, applied together, e.g. "Rescale count to 4 via savepoint". Refused (with
 * {@link SetParallelism}'s reason) when one of them is.
 *
 * @param parallelism new parallelism by operator id, in the order they were chosen
 */
public record RescaleParallelism(Map<String, Integer> parallelism) implements EditCommand {
    public RescaleParallelism {
        Objects.requireNonNull(parallelism, "parallelism");
        if (parallelism.isEmpty()) {
            throw new IllegalArgumentException("a rescale changes the parallelism of at least one operator");
        }
        parallelism = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parallelism));
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        EditablePipeline result = pipeline;
        for (Map.Entry<String, Integer> e : parallelism.entrySet()) {
            result = new SetParallelism(e.getKey(), e.getValue()).apply(result);
        }
        return result;
    }

    @Override
    public String description() {
        if (parallelism.size() == 1) {
            Map.Entry<String, Integer> only = parallelism.entrySet().iterator().next();
            return Texts.format("edit.rescale.one", only.getKey(), only.getValue());
        }
        return Texts.format("edit.rescale.many", parallelism.entrySet().stream()
                .map(e -> Texts.format("edit.rescale.to", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
    }
}
