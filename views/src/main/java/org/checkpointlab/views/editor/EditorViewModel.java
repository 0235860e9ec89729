package org.checkpointlab.views.editor;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.editor.model.AddOperator;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.Connect;
import org.checkpointlab.views.editor.model.CopiedOperators;
import org.checkpointlab.views.editor.model.EdgeRef;
import org.checkpointlab.views.editor.model.EditCommand;
import org.checkpointlab.views.editor.model.EditRefused;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.editor.model.MoveOperators;
import org.checkpointlab.views.editor.model.Paste;
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
 * and shows every change of that stack: the graph follows it (positions kept, see
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
    private final PipelineGraphViewModel graph;
    private final Consumer<PipelineSpec> runnable;
    private final ObservableBooleanValue structureLocked;
    private final ReadOnlyObjectWrapper<EditablePipeline> pipeline = new ReadOnlyObjectWrapper<>(this, "pipeline");
    private final ReadOnlyObjectWrapper<Selection> selection =
            new ReadOnlyObjectWrapper<>(this, "selection", Selection.NONE);
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText",
            Texts.get("editor.undo"));
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText",
            Texts.get("editor.redo"));
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyProblems = FXCollections.unmodifiableObservableList(problems);
    private BiConsumer<String, Integer> parallelismWhileRunning = (id, p) -> message.set(LOCKED_MESSAGE);
    private PipelineSpec lastRunnable;
    private boolean runnableKnown;
    private CopiedOperators clipboard;
    private int pastes;

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
        this.graph = Objects.requireNonNull(graph, "graph");
        this.runnable = Objects.requireNonNull(runnable, "runnable");
        this.structureLocked = Objects.requireNonNull(structureLocked, "structureLocked");
        edits.addListener(stack -> sync());
        // The stack of a window that opened a file before the editor existed already holds that pipeline.
        if (graph.pipelineProperty().get() != null || !edits.current().spec().operators().isEmpty()) {
            sync();
        } else {
            pipeline.set(edits.current());
            updateUndoRedo();
        }
    }

    // ---- state ------------------------------------------------------------------------------------------------

    /** The pipeline being edited, selection included; changes with every edit, undo, redo and selection. */
    public ReadOnlyObjectProperty<EditablePipeline> pipelineProperty() {
        return pipeline.getReadOnlyProperty();
    }

    public EditablePipeline pipeline() {
        return pipeline.get();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** "Undo Add keyed-count", or "Undo" when there is nothing to undo. */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    /** "Redo Add keyed-count", or "Redo" when there is nothing to redo. */
    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Why the last edit was refused; empty after an edit that went through. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Every problem the pipeline validation finds in the pipeline being edited; empty when it can run. */
    public ObservableList<String> problems() {
        return readOnlyProblems;
    }

    public ObservableBooleanValue structureLocked() {
        return structureLocked;
    }

    /** Operators that a problem names ({@code operator 'id': ...}), to be marked on the canvas. */
    public Set<String> operatorsWithProblems() {
        Set<String> ids = new LinkedHashSet<>();
        var found = pipeline.get().findings();
        for (String id : pipeline.get().operatorIds()) {
            if (found.stream().anyMatch(p -> p.operatorId().filter(id::equals).isPresent())) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Edges that a problem names ({@code edge a -> b: ...}), to be marked on the canvas. */
    public Set<EdgeRef> edgesWithProblems() {
        var found = pipeline.get().findings();
        return pipeline.get().spec().edges().stream().map(EdgeRef::of)
                .filter(e -> found.stream().anyMatch(p -> p.aboutEdge(e.from(), e.to())))
                .collect(Collectors.toCollection(LinkedHashSet::new));
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
        EditablePipeline p = pipeline.get();
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
        EditablePipeline p = pipeline.get();
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
            boolean changes = pipeline.get().operator(operatorId).map(o -> o.parallelism() != parallelism)
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
        if (pipeline.get().selection().isEmpty()) {
            return false;
        }
        return structural(new RemoveSelection());
    }

    /** Copies the selected operators (and the edges among them) to the editor's clipboard. */
    public boolean copy() {
        CopiedOperators copied = CopiedOperators.ofSelection(pipeline.get());
        if (copied.isEmpty()) {
            message.set(Texts.get("editor.copy.nothing"));
            return false;
        }
        clipboard = copied;
        pastes = 0;
        message.set("");
        return true;
    }

    public boolean cut() {
        return copy() && deleteSelection();
    }

    /** Whether there is something to paste. */
    public boolean canPaste() {
        return clipboard != null;
    }

    /** Inserts the copied operators, each paste {@value #PASTE_OFFSET} pixels further right and down. */
    public boolean paste() {
        if (clipboard == null) {
            message.set(Texts.get("editor.paste.nothing"));
            return false;
        }
        double offset = PASTE_OFFSET * (pastes + 1);
        boolean pasted = structural(new Paste(clipboard, offset, offset));
        if (pasted) {
            pastes++;
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
        Selection s = pipeline.get().selection();
        if (!additive) {
            select(Selection.ofOperators(id));
            return;
        }
        Set<String> ops = new LinkedHashSet<>(s.operators());
        if (!ops.remove(id)) {
            ops.add(id);
        }
        select(new Selection(ops, s.edges()));
    }

    /** Selects one edge; with {@code additive} adds it to the selection or removes it. */
    public void selectEdge(EdgeRef edge, boolean additive) {
        Selection s = pipeline.get().selection();
        if (!additive) {
            select(new Selection(Set.of(), Set.of(edge)));
            return;
        }
        Set<EdgeRef> selected = new LinkedHashSet<>(s.edges());
        if (!selected.remove(edge)) {
            selected.add(edge);
        }
        select(new Selection(s.operators(), selected));
    }

    public void clearSelection() {
        select(Selection.NONE);
    }

    /** Selects every operator and edge. */
    public void selectAll() {
        EditablePipeline p = pipeline.get();
        select(new Selection(Set.copyOf(p.operatorIds()),
                p.spec().edges().stream().map(EdgeRef::of).collect(Collectors.toSet())));
    }

    /** The operators that move with a grabbed card: the selection when the card is in it, else the card alone. */
    public Set<String> dragGroup(String grabbedId) {
        Set<String> selected = pipeline.get().selection().operators();
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

    /** Shows the stack's pipeline everywhere: graph, job view, problems, undo/redo texts. */
    private void sync() {
        EditablePipeline current = edits.current();
        Map<String, Point2D> positions = new HashMap<>();
        current.positions().forEach((id, at) -> positions.put(id, new Point2D(at.x(), at.y())));
        graph.show(current.spec(), positions);
        List<String> found = current.problems();
        if (!found.equals(problems)) {
            problems.setAll(found);
        }
        PipelineSpec valid = found.isEmpty() ? current.spec() : null;
        if (!runnableKnown || !Objects.equals(valid, lastRunnable)) {
            runnableKnown = true;
            lastRunnable = valid;
            runnable.accept(valid);
        }
        pipeline.set(current);
        selection.set(current.selection());
        updateUndoRedo();
    }

    private void updateUndoRedo() {
        undoText.set(edits.undoDescription().orElse(Texts.get("editor.undo")));
        redoText.set(edits.redoDescription().orElse(Texts.get("editor.redo")));
        canUndo.set(edits.canUndo());
        canRedo.set(edits.canRedo());
    }

    /** The operator's spec in the pipeline being edited (for the inspector). */
    public java.util.Optional<OperatorSpec> operator(String id) {
        return pipeline.get().operator(id);
    }

    /** The edge's spec in the pipeline being edited (for the inspector). */
    public java.util.Optional<EdgeSpec> edge(EdgeRef ref) {
        return pipeline.get().edge(ref.from(), ref.to());
    }
}
