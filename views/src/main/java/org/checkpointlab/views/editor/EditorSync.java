package org.checkpointlab.views.editor;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EdgeRef;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.editor.model.Selection;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.i18n.Texts;

/**
 * Shows every change of the editor's {@link CommandStack}: the graph follows it (positions kept), the job view gets
 * the pipeline when it is valid (else {@code null}, so Run stays disabled), the problems the validation finds are
 * listed, and the pipeline, its selection and the undo/redo texts are set in the properties the
 * {@link EditorViewModel} publishes. FX thread only.
 */
final class EditorSync {
    private final CommandStack edits;
    private final PipelineGraphViewModel graph;
    private final Consumer<PipelineSpec> runnable;
    // What the editor's view model publishes.
    final ReadOnlyObjectWrapper<EditablePipeline> pipeline = new ReadOnlyObjectWrapper<>(this, "pipeline");
    final ReadOnlyObjectWrapper<Selection> selection =
            new ReadOnlyObjectWrapper<>(this, "selection", Selection.NONE);
    final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText",
            Texts.get("editor.undo"));
    final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText",
            Texts.get("editor.redo"));
    final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    final ObservableList<String> readOnlyProblems = FXCollections.unmodifiableObservableList(problems);
    private PipelineSpec lastRunnable;
    private boolean runnableKnown;

    /** See {@link EditorViewModel} for the parameters; shows the stack's pipeline at once. */
    EditorSync(CommandStack edits, PipelineGraphViewModel graph, Consumer<PipelineSpec> runnable) {
        this.edits = edits;
        this.graph = Objects.requireNonNull(graph, "graph");
        this.runnable = Objects.requireNonNull(runnable, "runnable");
        edits.addListener(stack -> sync());
        // The stack of a window that opened a file before the editor existed already holds that pipeline.
        if (graph.pipelineProperty().get() != null || !edits.current().spec().operators().isEmpty()) {
            sync();
        } else {
            pipeline.set(edits.current());
            updateUndoRedo();
        }
    }

    /** Operators that a problem names ({@code operator 'id': ...}), to be marked on the canvas. */
    Set<String> operatorsWithProblems() {
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
    Set<EdgeRef> edgesWithProblems() {
        var found = pipeline.get().findings();
        return pipeline.get().spec().edges().stream().map(EdgeRef::of)
                .filter(e -> found.stream().anyMatch(p -> p.aboutEdge(e.from(), e.to())))
                .collect(Collectors.toCollection(LinkedHashSet::new));
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
}
