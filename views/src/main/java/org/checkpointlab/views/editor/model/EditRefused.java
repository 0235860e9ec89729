package org.checkpointlab.views.editor.model;

import org.checkpointlab.views.i18n.Texts;

/**
 * An edit the editor will not make, with the reason for the user, e.g.
 * {@code "Cannot connect split -> sentences: 'sentences' is a source (sentence-source) and takes no inputs"}.
 * Thrown by {@link EditCommand#apply(EditablePipeline)}; the pipeline stays as it was.
 */
public final class EditRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EditRefused(String reason) {
        super(reason);
    }

    /** The refusal of {@code action} (e.g. "Cannot connect a -> b") because of {@code why}, as one sentence. */
    static EditRefused because(String action, String why) {
        return new EditRefused(Texts.format("edit.refused", action, why));
    }

    /** The reason, a full sentence naming the operator or edge. */
    public String reason() {
        return getMessage();
    }
}
