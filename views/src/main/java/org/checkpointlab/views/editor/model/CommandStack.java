package org.checkpointlab.views.editor.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.checkpointlab.views.i18n.Texts;

/**
 * Applies {@link EditCommand}s to the pipeline being edited, with undo and redo, like Scene Builder's job manager.
 *
 * <p>Each executed command is kept with the pipelines before and after it, so undo and redo restore exactly the
 * earlier {@link EditablePipeline} (selection included) without the commands knowing how to undo. A command that
 * changes nothing is not recorded. A refused command ({@link EditRefused}) leaves everything as it was. At most
 * {@link #limit()} steps are kept; the oldest are forgotten.
 *
 * <p>The {@linkplain #revision() revision} goes up by one on every change of the pipeline (execute, undo, redo,
 * reset), so views can tell that they are stale. "Unsaved changes" compares the current state with the one
 * {@linkplain #markSaved() marked saved}: undoing back to the saved state makes the pipeline clean again.
 *
 * <p>Not thread-safe: use it from one thread (the UI thread).
 */
public final class CommandStack {
    /** Steps kept by {@link #CommandStack(EditablePipeline)}. */
    public static final int DEFAULT_LIMIT = 200;

    /** One executed edit; {@code stateId} names the state {@code after} for the saved marker. */
    private record Step(EditCommand command, EditablePipeline before, EditablePipeline after, long stateId) {
    }

    private final int limit;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final List<CommandStackListener> listeners = new ArrayList<>();
    private EditablePipeline current;
    /** Names the state at the bottom of the undo stack (the state after reset or after the last forgotten step). */
    private long baseStateId;
    private long savedStateId;
    private long nextStateId;
    private long revision;

    public CommandStack(EditablePipeline initial) {
        this(initial, DEFAULT_LIMIT);
    }

    /** @param limit how many steps can be undone, at least 1 */
    public CommandStack(EditablePipeline initial, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the undo limit must be at least 1, was " + limit);
        }
        this.limit = limit;
        this.current = Objects.requireNonNull(initial, "initial");
        this.baseStateId = nextStateId++;
        this.savedStateId = baseStateId;
    }

    /** The pipeline as it is now. */
    public EditablePipeline current() {
        return current;
    }

    /** Increases by one on every change of the pipeline, undo and redo included; starts at 0. */
    public long revision() {
        return revision;
    }

    public int limit() {
        return limit;
    }

    /**
     * Applies the command; the redo history is dropped.
     *
     * @return whether the pipeline changed (a command that changes nothing is not recorded)
     * @throws EditRefused with the reason, leaving the stack unchanged
     */
    public boolean execute(EditCommand command) {
        Objects.requireNonNull(command, "command");
        EditablePipeline after = command.apply(current);
        if (after.equals(current)) {
            return false;
        }
        undo.push(new Step(command, current, after, nextStateId++));
        redo.clear();
        while (undo.size() > limit) {
            baseStateId = undo.removeLast().stateId();
        }
        change(after);
        return true;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Goes back to the pipeline before the last executed or redone command. */
    public void undo() {
        if (undo.isEmpty()) {
            throw new IllegalStateException("nothing to undo");
        }
        Step step = undo.pop();
        redo.push(step);
        change(step.before());
    }

    /** Applies again the last undone command, restoring exactly the pipeline it gave. */
    public void redo() {
        if (redo.isEmpty()) {
            throw new IllegalStateException("nothing to redo");
        }
        Step step = redo.pop();
        undo.push(step);
        change(step.after());
    }

    /** The pipeline that {@link #undo()} would restore; empty when there is nothing to undo. */
    public Optional<EditablePipeline> undoTarget() {
        return Optional.ofNullable(undo.peek()).map(Step::before);
    }

    /** The pipeline that {@link #redo()} would restore; empty when there is nothing to redo. */
    public Optional<EditablePipeline> redoTarget() {
        return Optional.ofNullable(redo.peek()).map(Step::after);
    }

    /** The menu text for undo, e.g. {@code "Undo Add keyed-count"}; empty when there is nothing to undo. */
    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(s -> Texts.format("editor.undo.named", s.command().description()));
    }

    /** The menu text for redo, e.g. {@code "Redo Add keyed-count"}; empty when there is nothing to redo. */
    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(s -> Texts.format("editor.redo.named", s.command().description()));
    }

    /**
     * Changes only the selection, without an undo step or a new revision (selecting is not an edit); listeners
     * are told.
     */
    public void select(Selection selection) {
        EditablePipeline selected = current.withSelection(selection);
        if (!selected.equals(current)) {
            current = selected;
            fire();
        }
    }

    /** Starts over with another pipeline (new or opened file): history cleared, the pipeline counts as saved. */
    public void reset(EditablePipeline pipeline) {
        undo.clear();
        redo.clear();
        baseStateId = nextStateId++;
        savedStateId = baseStateId;
        change(Objects.requireNonNull(pipeline, "pipeline"));
    }

    /** Records that the current pipeline has been saved. */
    public void markSaved() {
        savedStateId = currentStateId();
        fire();
    }

    /** Whether the pipeline differs from the state last marked saved (or reset). */
    public boolean hasUnsavedChanges() {
        return currentStateId() != savedStateId;
    }

    public void addListener(CommandStackListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(CommandStackListener listener) {
        listeners.remove(listener);
    }

    private long currentStateId() {
        return undo.isEmpty() ? baseStateId : undo.peek().stateId();
    }

    private void change(EditablePipeline pipeline) {
        current = pipeline;
        revision++;
        fire();
    }

    private void fire() {
        for (CommandStackListener l : List.copyOf(listeners)) {
            l.stackChanged(this);
        }
    }
}
