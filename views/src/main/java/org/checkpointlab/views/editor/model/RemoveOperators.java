package org.checkpointlab.views.editor.model;

import java.util.Set;
import java.util.TreeSet;
import org.checkpointlab.views.i18n.Texts;

/** Deletes operators together with every edge into or out of them. */
public record RemoveOperators(Set<String> operatorIds) implements EditCommand {
    public RemoveOperators {
        operatorIds = Set.copyOf(operatorIds);
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        return Removal.remove(pipeline, operatorIds, Set.of(), description());
    }

    @Override
    public String description() {
        return operatorIds.size() == 1 ? Texts.format("edit.delete.one", operatorIds.iterator().next())
                : Texts.format("edit.delete.many", operatorIds.size(), String.join(", ", new TreeSet<>(operatorIds)));
    }
}
