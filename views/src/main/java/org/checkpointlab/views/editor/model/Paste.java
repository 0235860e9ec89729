package org.checkpointlab.views.editor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.views.i18n.Texts;

/**
 * Inserts copies of copied operators with fresh ids ({@code count} becomes {@code count-2}), the edges among
 * them rewired to the copies, and their positions moved by an offset so the copies do not hide the originals.
 * A name that was the old id becomes the new id. The copies become the selection.
 */
public record Paste(CopiedOperators copied, double dx, double dy) implements EditCommand {
    public Paste {
        Objects.requireNonNull(copied, "copied");
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        if (copied.isEmpty()) {
            throw new EditRefused(Texts.get("edit.paste.nothing"));
        }
        List<String> taken = new ArrayList<>(pipeline.operatorIds());
        Map<String, String> newIds = new LinkedHashMap<>();
        List<OperatorSpec> operators = new ArrayList<>(pipeline.spec().operators());
        Map<String, Position> positions = new HashMap<>(pipeline.positions());
        for (OperatorSpec o : copied.operators()) {
            String id = OperatorIds.freshCopyOf(o.id(), taken);
            taken.add(id);
            newIds.put(o.id(), id);
            operators.add(new OperatorSpec(id, o.name().equals(o.id()) ? id : o.name(), o.kind(), o.parallelism(),
                    o.maxParallelism(), o.params()));
            positions.put(id, copied.positions().getOrDefault(o.id(), Position.ORIGIN).offset(dx, dy));
        }
        List<EdgeSpec> edges = new ArrayList<>(pipeline.spec().edges());
        for (EdgeSpec e : copied.edges()) {
            edges.add(new EdgeSpec(newIds.get(e.from()), newIds.get(e.to()), e.partitioning()));
        }
        var spec = pipeline.spec().withOperators(operators);
        return new EditablePipeline(pipeline.withSpec(spec).withEdges(edges).spec(), positions,
                Selection.ofOperators(Set.copyOf(newIds.values())));
    }

    @Override
    public String description() {
        return copied.operators().size() == 1 ? Texts.format("edit.paste.one", copied.operators().get(0).id())
                : Texts.format("edit.paste.many", copied.operators().size());
    }
}
