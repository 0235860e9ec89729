package org.checkpointlab.views.editor.model;

/**
 * Told after every change of a {@link CommandStack}: an edit, undo, redo, reset, selection change or save mark.
 * Called on the thread that changed the stack (the UI thread in the editor). Read the new state from the stack.
 */
@FunctionalInterface
public interface CommandStackListener {
    void stackChanged(CommandStack stack);
}
