package org.checkpointlab.views.editor.model;

import java.util.Set;

/** Deletes the edge from one operator to another. */
public record Disconnect(String from, String to) implements EditCommand {

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        return Removal.remove(pipeline, Set.of(), Set.of(new EdgeRef(from, to)), description());
    }

    @Override
    public String description() {
        return "Disconnect " + from + " -> " + to;
    }
}
