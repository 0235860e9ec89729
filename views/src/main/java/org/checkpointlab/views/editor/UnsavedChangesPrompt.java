package org.checkpointlab.views.editor;

/**
 * Asks the user what to do with unsaved changes before they would be lost (New, Open, closing the window):
 * save them, discard them, or cancel the action. The app shows an alert ({@code UnsavedChangesAlert}); tests pass a
 * lambda that answers at once.
 */
@FunctionalInterface
public interface UnsavedChangesPrompt {

    /** The user's answer. */
    enum Choice {
        /** Save first (Save As when the pipeline has no file yet), then go on if the save worked. */
        SAVE,
        /** Go on and lose the changes. */
        DISCARD,
        /** Do not go on; everything stays as it is. */
        CANCEL
    }

    /**
     * @param pipelineName the name of the pipeline with unsaved changes
     * @param action       what would lose them, as a phrase for the question, e.g. {@code "opening broadcast.json"}
     */
    Choice ask(String pipelineName, String action);
}
