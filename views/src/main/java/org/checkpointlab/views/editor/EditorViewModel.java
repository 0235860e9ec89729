package org.checkpointlab.views.editor;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.editor.model.AddOperator;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.Connect;
import org.checkpointlab.views.editor.model.EdgeRef;
import org.checkpointlab.views.editor.model.EditCommand;
import org.checkpointlab.views.editor.model.EditRefused;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.editor.model.MoveOperators;
import org.checkpointlab.views.editor.model.PlaceOperators;
import org.checkpointlab.views.editor.model.Position;
import org.checkpointlab.views.editor.model.RemoveSelection;
import org.checkpointlab.views.editor.model.RenameOperator;
import org.checkpointlab.views.editor.model.Selection;
import org.checkpointlab.views.editor.model.SetMaxParallelism;
import org.checkpointlab.views.editor.model.SetName;
import org.checkpointlab.views.editor.model.SetPipelineName;
import org.checkpointlab.views.editor.model.SetParallelism;
import org.checkpointlab.views.editor.model.SetParam;
import org.checkpointlab.views.editor.model.SetPartitioning;
import org.checkpointlab.views.graph.CardMetrics;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.i18n.Texts;

/**
 * The pipeline editor without controls: turns the user's gestures (drop a kind, wire two ports, change a value
 * in the inspector, delete, copy, paste, undo) into {@link EditCommand}s on the window's one {@link CommandStack},
 * and shows every change of that stack ({@link EditorSync}): the graph follows it (positions kept, see
 * {@link PipelineGraphViewModel#show(PipelineSpec, Map)}), the job view gets the pipeline when it is valid (else
 * {@code null}, so Run stays disabled) and {@link #problems()} lists what the validation finds.
 *
 * <p>A refused edit changes nothing and puts its reason in {@link #messageProperty()}. While
 * {@code structureLocked} is true (a job runs) only moves, selection and copy are allowed; a parallelism change
 * goes to the {@linkplain #onParallelismWhileRunning(BiConsumer) parallelism-while-running handler} instead
 * (by default it says {@value #LOCKED_MESSAGE}). FX thread only.
 */
public final class EditorViewModel {
    /** Why a structural edit is refused while a job runs. */
    public static final String LOCKED_MESSAGE = Texts.get("editor.locked");
    /** Parallelism of an operator dropped from the palette. */
    public static final int DEFAULT_PARALLELISM = 2;
    /** How far each paste moves the copies from the originals, in graph pixels (right and down). */
    public static final double PASTE_OFFSET = 40;

    private final CommandStack edits;
    private final ObservableBooleanValue structureLocked;
    private final EditorSync sync;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private BiConsumer<String, Integer> parallelismWhileRunning = (id, p) -> message.set(LOCKED_MESSAGE);
    private final EditorClipboard clipboard = new EditorClipboard();

    /**
     * @param edits           the window's command stack ({@code MainViewModel.edits()})
     * @param graph           the graph the canvas draws
     * @param runnable        told the pipeline whenever it changes and is valid, {@code null} when it is not
     *                        (e.g. {@code live()::load})
     * @param structureLocked true while structural edits must wait (a job runs)
     */
    public EditorViewModel(CommandStack edits, PipelineGraphViewModel graph, Consumer<PipelineSpec> runnable,
                           ObservableBooleanValue structureLocked) {
        this.edits = Objects.requireNonNull(edits, "edits");
        this.structureLocked = Objects.requireNonNull(structureLocked, "structureLocked");
        this.sync = new EditorSync(edits, graph, runnable);
    }

    // ---- state ------------------------------------------------------------------------------------------------

    /** The pipeline being edited, selection included; changes with every edit, undo, redo and selection. */
    public ReadOnlyObjectProperty<EditablePipeline> pipelineProperty() {
        return sync.pipeline.getReadOnlyProperty();
    }

    public EditablePipeline pipeline() {
        return sync.pipeline.get();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return sync.selection.getReadOnlyProperty();
    }

    /** "Undo Add keyed-count", or "Undo" when there is nothing to undo. */
    public ReadOnlyStringProperty undoTextProperty() {
        return sync.undoText.getReadOnlyProperty();
    }

    /** "Redo Add keyed-count", or "Redo" when there is nothing to redo. */
    public ReadOnlyStringProperty redoTextProperty() {
        return sync.redoText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return sync.canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return sync.canRedo.getReadOnlyProperty();
    }

    /** Why the last edit was refused; empty after an edit that went through. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Every problem the pipeline validation finds in the pipeline being edited; empty when it can run. */
    public ObservableList<String> problems() {
        return sync.readOnlyProblems;
    }

    public ObservableBooleanValue structureLocked() {
        return structureLocked;
    }

    /** Operators that a problem names ({@code operator 'id': ...}), to be marked on the canvas. */
    public Set<String> operatorsWithProblems() {
        return sync.operatorsWithProblems();
    }

    /** Edges that a problem names ({@code edge a -> b: ...}), to be marked on the canvas. */
    public Set<EdgeRef> edgesWithProblems() {
        return sync.edgesWithProblems();
    }

    /**
     * Who handles a parallelism change asked for while a job runs (e.g. "rescale via savepoint"); by default the
     * change is refused with {@value #LOCKED_MESSAGE}.
     */
    public void onParallelismWhileRunning(BiConsumer<String, Integer> handler) {
        this.parallelismWhileRunning = Objects.requireNonNull(handler, "handler");
    }

    /** Shows a reason to the user as if an edit had been refused (for gestures refused before any command). */
    public void refuse(String reason) {
        message.set(reason);
    }

    /** Hides the last refusal. */
    public void dismissMessage() {
        message.set("");
    }

    // ---- structural edits -------------------------------------------------------------------------------------

    /** Adds an operator of a kind with its card's top-left corner at {@code at} (graph coordinates). */
    public boolean addOperator(OperatorKind kind, Position at) {
        return structural(new AddOperator(kind, at, DEFAULT_PARALLELISM));
    }

    /** Adds an operator right of every card there is (or at the origin on an empty canvas), e.g. on double-click. */
    public boolean addOperator(OperatorKind kind) {
        EditablePipeline p = pipeline();
        if (p.operatorIds().isEmpty()) {
            return addOperator(kind, Position.ORIGIN);
        }
        double right = Double.NEGATIVE_INFINITY;
        double top = 0;
        for (String id : p.operatorIds()) {
            Position at = p.positionOf(id);
            if (at.x() > right) {
                right = at.x();
                top = at.y();
            }
        }
        return addOperator(kind, new Position(right + CardMetrics.WIDTH + CardMetrics.LAYER_GAP / 2, top));
    }

    /**
     * The partitioning a new edge gets: forward when both sides have the same parallelism and the target is not
     * keyed, hash into a keyed operator, else rebalance.
     */
    public Partitioning defaultPartitioning(String from, String to) {
        EditablePipeline p = pipeline();
        boolean keyed = p.kindOf(to).map(OperatorKind::keyed).orElse(false);
        if (keyed) {
            return Partitioning.HASH;
        }
        int fromP = p.operator(from).map(OperatorSpec::parallelism).orElse(0);
        int toP = p.operator(to).map(OperatorSpec::parallelism).orElse(-1);
        return fromP == toP ? Partitioning.FORWARD : Partitioning.REBALANCE;
    }

    /** Wires an output to an input with the {@linkplain #defaultPartitioning default partitioning}. */
    public boolean connect(String from, String to) {
        return structural(new Connect(from, to, defaultPartitioning(from, to)));
    }

    public boolean setPartitioning(String from, String to, Partitioning partitioning) {
        return structural(new SetPartitioning(from, to, partitioning));
    }

    /** Sets an operator's parallelism; while a job runs, hands it to the parallelism-while-running handler. */
    public boolean setParallelism(String operatorId, int parallelism) {
        if (structureLocked.get()) {
            boolean changes = pipeline().operator(operatorId).map(o -> o.parallelism() != parallelism)
                    .orElse(false);
            if (changes) {
                parallelismWhileRunning.accept(operatorId, parallelism);
            }
            return false;
        }
        return execute(new SetParallelism(operatorId, parallelism));
    }

    /** Sets the max parallelism; {@code null} for the default. */
    public boolean setMaxParallelism(String operatorId, Integer maxParallelism) {
        return structural(new SetMaxParallelism(operatorId, maxParallelism));
    }

    /** Sets a parameter; {@code null} goes back to its default. */
    public boolean setParam(String operatorId, String param, Object value) {
        return structural(new SetParam(operatorId, param, value));
    }

    public boolean rename(String operatorId, String newId) {
        return structural(new RenameOperator(operatorId, newId));
    }

    public boolean setName(String operatorId, String name) {
        return structural(new SetName(operatorId, name));
    }

    /** Renames the pipeline itself (the file's name); like any edit of the pipeline, not while it runs. */
    public boolean setPipelineName(String name) {
        return structural(new SetPipelineName(name));
    }

    /** Deletes the selected operators (with their edges) and edges. */
    public boolean deleteSelection() {
        if (pipeline().selection().isEmpty()) {
            return false;
        }
        return structural(new RemoveSelection());
    }

    /** Copies the selected operators (and the edges among them) to the editor's clipboard. */
    public boolean copy() {
        if (!clipboard.copy(pipeline())) {
            message.set(Texts.get("editor.copy.nothing"));
            return false;
        }
        message.set("");
        return true;
    }

    public boolean cut() {
        return copy() && deleteSelection();
    }

    /** Whether there is something to paste. */
    public boolean canPaste() {
        return !clipboard.isEmpty();
    }

    /** Inserts the copied operators, each paste {@value #PASTE_OFFSET} pixels further right and down. */
    public boolean paste() {
        if (clipboard.isEmpty()) {
            message.set(Texts.get("editor.paste.nothing"));
            return false;
        }
        boolean pasted = structural(clipboard.nextPaste());
        if (pasted) {
            clipboard.pasted();
        }
        return pasted;
    }

    // ---- moves and selection (allowed while a job runs) -------------------------------------------------------

    /** Records a drag of cards as one undo step (the cards are already where they were dropped). */
    public boolean move(Set<String> operatorIds, double dx, double dy) {
        if (operatorIds.isEmpty() || (dx == 0 && dy == 0)) {
            return false;
        }
        return execute(new MoveOperators(operatorIds, dx, dy));
    }

    /** Puts cards at the given places in one undo step (e.g. "Auto layout"). */
    public boolean place(Map<String, Position> positions, String description) {
        return execute(new PlaceOperators(positions, description));
    }

    public void select(Selection newSelection) {
        edits.select(newSelection);
    }

    /** Selects one operator; with {@code additive} (Shift or Ctrl held) adds it to the selection or removes it. */
    public void selectOperator(String id, boolean additive) {
        select(additive ? pipeline().selection().withOperatorToggled(id) : Selection.ofOperators(id));
    }

    /** Selects one edge; with {@code additive} adds it to the selection or removes it. */
    public void selectEdge(EdgeRef edge, boolean additive) {
        select(additive ? pipeline().selection().withEdgeToggled(edge) : new Selection(Set.of(), Set.of(edge)));
    }

    public void clearSelection() {
        select(Selection.NONE);
    }

    /** Selects every operator and edge. */
    public void selectAll() {
        EditablePipeline p = pipeline();
        select(new Selection(Set.copyOf(p.operatorIds()),
                p.spec().edges().stream().map(EdgeRef::of).collect(Collectors.toSet())));
    }

    /** The operators that move with a grabbed card: the selection when the card is in it, else the card alone. */
    public Set<String> dragGroup(String grabbedId) {
        Set<String> selected = pipeline().selection().operators();
        return selected.contains(grabbedId) ? selected : Set.of(grabbedId);
    }

    // ---- undo and redo ----------------------------------------------------------------------------------------

    public boolean undo() {
        return step(edits.canUndo(), edits::undoTarget, edits.undoDescription().orElse(Texts.get("editor.undo")),
                edits::undo);
    }

    public boolean redo() {
        return step(edits.canRedo(), edits::redoTarget, edits.redoDescription().orElse(Texts.get("editor.redo")),
                edits::redo);
    }

    /**
     * Undoes or redoes one step, unless there is none or the job's structure lock refuses the pipeline it leads to
     * (then the message names the step).
     */
    private boolean step(boolean possible, Supplier<Optional<EditablePipeline>> target,
            String description, Runnable action) {
        if (!possible) {
            return false;
        }
        if (lockedAndChangesSpec(target.get().orElseThrow())) {
            message.set(Texts.format("editor.locked.action", LOCKED_MESSAGE, description));
            return false;
        }
        message.set("");
        action.run();
        return true;
    }

    // ---- inner workings ---------------------------------------------------------------------------------------

    private boolean lockedAndChangesSpec(EditablePipeline target) {
        return structureLocked.get() && !target.spec().equals(edits.current().spec());
    }

    private boolean structural(EditCommand command) {
        if (structureLocked.get()) {
            message.set(LOCKED_MESSAGE);
            return false;
        }
        return execute(command);
    }

    private boolean execute(EditCommand command) {
        try {
            boolean changed = edits.execute(command);
            message.set("");
            return changed;
        } catch (EditRefused refused) {
            message.set(refused.getMessage());
            return false;
        }
    }

    /** The operator's spec in the pipeline being edited (for the inspector). */
    public java.util.Optional<OperatorSpec> operator(String id) {
        return pipeline().operator(id);
    }

    /** The edge's spec in the pipeline being edited (for the inspector). */
    public java.util.Optional<EdgeSpec> edge(EdgeRef ref) {
        return pipeline().edge(ref.from(), ref.to());
    }
}
