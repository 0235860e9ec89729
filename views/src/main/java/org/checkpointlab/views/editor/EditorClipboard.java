package org.checkpointlab.views.editor;

import org.checkpointlab.views.editor.model.CopiedOperators;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.editor.model.Paste;

/**
 * The editor's clipboard: the operators copied last (with the edges among them), and how often they were pasted,
 * so that each paste lands {@value EditorViewModel#PASTE_OFFSET} pixels further right and down than the one before.
 */
final class EditorClipboard {
    private CopiedOperators copied;
    private int pastes;

    /** Copies the selection of {@code pipeline}; false when no operator is selected (the clipboard stays). */
    boolean copy(EditablePipeline pipeline) {
        CopiedOperators selected = CopiedOperators.ofSelection(pipeline);
        if (selected.isEmpty()) {
            return false;
        }
        copied = selected;
        pastes = 0;
        return true;
    }

    boolean isEmpty() {
        return copied == null;
    }

    /** The next paste of what was copied; {@link #pasted()} counts it once it went through. */
    Paste nextPaste() {
        double offset = EditorViewModel.PASTE_OFFSET * (pastes + 1);
        return new Paste(copied, offset, offset);
    }

    void pasted() {
        pastes++;
    }
}
