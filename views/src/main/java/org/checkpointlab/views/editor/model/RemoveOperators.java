package org.checkpointlab.views.editor.model;

import java.util.Set;
import java.util.TreeSet;

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
        return operatorIds.size() == 1 ? "Delete " + operatorIds.iterator().next()
                : "Delete " + operatorIds.size() + " operators (" + String.join(", ", new TreeSet<>(operatorIds))
                + ")";
    }
}
