package org.checkpointlab.views.editor.model;

import org.checkpointlab.views.i18n.Texts;

/**
 * Deletes whatever is selected when the command is applied: the selected operators with their edges, and the
 * selected edges. Refused when nothing is selected. Its description is generic ("Delete selection") because the
 * selection is only known when it is applied.
 */
public record RemoveSelection() implements EditCommand {

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        Selection s = pipeline.selection();
        if (s.isEmpty()) {
            throw new EditRefused(Texts.get("edit.deleteSelection.nothing"));
        }
        return Removal.remove(pipeline, s.operators(), s.edges(), description());
    }

    @Override
    public String description() {
        return Texts.get("edit.deleteSelection");
    }
}
