package org.checkpointlab.views.editor.model;

import java.util.Set;
import org.checkpointlab.views.i18n.Texts;

/** Deletes the edge from one operator to another. */
public record Disconnect(String from, String to) implements EditCommand {

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        return Removal.remove(pipeline, Set.of(), Set.of(new EdgeRef(from, to)), description());
    }

    @Override
    public String description() {
        return Texts.format("edit.disconnect", from, to);
    }
}
