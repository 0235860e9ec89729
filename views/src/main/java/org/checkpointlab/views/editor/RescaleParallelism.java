package org.checkpointlab.views.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.views.editor.model.EditCommand;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.editor.model.SetParallelism;
import org.checkpointlab.views.editor.model.SetPartitioning;
import org.checkpointlab.views.i18n.Texts;

/**
 * Records a rescale via savepoint in the edit history as one undoable step: a {@link SetPartitioning} for every edge
 * the restored job runs with another partitioning (a forward edge changed to rebalance for the new parallelism),
 * then a {@link SetParallelism} for every operator whose parallelism changed, applied together, e.g. "Rescale count
 * to 4 via savepoint". Refused (with their reason) when one of them is.
 *
 * @param parallelism   new parallelism by operator id, in the order they were chosen
 * @param repartitioned edges with the partitioning the job runs them with
 */
public record RescaleParallelism(Map<String, Integer> parallelism, List<EdgeSpec> repartitioned)
        implements EditCommand {
    public RescaleParallelism {
        Objects.requireNonNull(parallelism, "parallelism");
        if (parallelism.isEmpty() && repartitioned.isEmpty()) {
            throw new IllegalArgumentException("a rescale changes the parallelism of at least one operator");
        }
        parallelism = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parallelism));
        repartitioned = List.copyOf(repartitioned);
    }

    public RescaleParallelism(Map<String, Integer> parallelism) {
        this(parallelism, List.of());
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        EditablePipeline result = pipeline;
        for (EdgeSpec edge : repartitioned) {
            result = new SetPartitioning(edge.from(), edge.to(), edge.partitioning()).apply(result);
        }
        for (Map.Entry<String, Integer> e : parallelism.entrySet()) {
            result = new SetParallelism(e.getKey(), e.getValue()).apply(result);
        }
        return result;
    }

    @Override
    public String description() {
        List<String> parts = new ArrayList<>();
        if (parallelism.size() == 1) {
            Map.Entry<String, Integer> only = parallelism.entrySet().iterator().next();
            parts.add(Texts.format("edit.rescale.one", only.getKey(), only.getValue()));
        } else if (!parallelism.isEmpty()) {
            parts.add(Texts.format("edit.rescale.many", parallelism.entrySet().stream()
                    .map(e -> Texts.format("edit.rescale.to", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "))));
        }
        repartitioned.forEach(e -> parts.add(new SetPartitioning(e.from(), e.to(), e.partitioning()).description()));
        return String.join(Texts.get("edit.rescale.and"), parts);
    }
}
