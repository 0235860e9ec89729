package org.checkpointlab.views.editor.model;

/**
 * One user action on the pipeline being edited, such as "Add keyed-count" or "Set parallelism of count to 3".
 * Commands are immutable values; {@link CommandStack} applies them and keeps the pipelines before and after for
 * undo and redo, so a command needs no undo logic of its own.
 */
public interface EditCommand {

    /**
     * The pipeline after this edit.
     *
     * @throws EditRefused with the reason when the edit is not possible on {@code pipeline} (unknown operator,
     *                     wiring the pipeline validation would reject, invalid value...)
     */
    EditablePipeline apply(EditablePipeline pipeline);

    /** What the command does, for menus and the undo history, e.g. {@code "Rename split to words"}. */
    String description();
}
