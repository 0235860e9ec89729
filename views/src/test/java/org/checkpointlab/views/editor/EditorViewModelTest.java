package org.checkpointlab.views.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.SimpleBooleanProperty;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EdgeRef;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.editor.model.Position;
import org.checkpointlab.views.editor.model.Selection;
import org.checkpointlab.views.graph.OperatorNode;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.junit.jupiter.api.Test;

class EditorViewModelTest {
    private final CommandStack edits = new CommandStack(EditablePipeline.empty("untitled"));
    private final PipelineGraphViewModel graph = new PipelineGraphViewModel();
    private final List<PipelineSpec> runnable = new ArrayList<>();
    private final SimpleBooleanProperty locked = new SimpleBooleanProperty(false);
    private final EditorViewModel editor = new EditorViewModel(edits, graph, runnable::add, locked);

    private static OperatorSpec op(String id, String kind, int parallelism) {
        return new OperatorSpec(id, id, kind, parallelism, null, Map.of());
    }

    /** sentences(2) -forward-> split(2) -hash-> count(2) -forward-> output(2), at known positions. */
    private void openWordCount() {
        PipelineSpec spec = new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "Word count",
                List.of(op("sentences", "sentence-source", 2), op("split", "flat-map-words", 2),
                        op("count", "keyed-count", 2), op("output", "transactional-sink", 2)),
                List.of(new EdgeSpec("sentences", "split", Partitioning.FORWARD),
                        new EdgeSpec("split", "count", Partitioning.HASH),
                        new EdgeSpec("count", "output", Partitioning.FORWARD)),
                Map.of(), true);
        edits.reset(EditablePipeline.of(spec, Map.of("sentences", new Position(0, 0), "split", new Position(400, 0),
                "count", new Position(800, 0), "output", new Position(1200, 0))));
    }

    @Test
    void addingFromThePalette_putsTheOperatorWithParallelismTwoWhereItWasDroppedAndShowsItOnTheGraph() {
        assertThat(editor.addOperator(OperatorKind.KEYED_COUNT, new Position(120, 80))).isTrue();

        OperatorNode node = graph.node("keyed-count").orElseThrow();
        assertThat(node.parallelism()).isEqualTo(2);
        assertThat(node.x()).isEqualTo(120);
        assertThat(node.y()).isEqualTo(80);
        assertThat(editor.undoTextProperty().get()).isEqualTo("Undo Add keyed-count");
        assertThat(editor.pipeline().selection()).isEqualTo(Selection.ofOperators("keyed-count"));
    }

    @Test
    void aSecondOperatorOfTheSameKind_getsANumberedId() {
        editor.addOperator(OperatorKind.KEYED_COUNT, new Position(0, 0));
        editor.addOperator(OperatorKind.KEYED_COUNT, new Position(0, 300));

        assertThat(editor.pipeline().operatorIds()).containsExactly("keyed-count", "keyed-count-2");
    }

    @Test
    void anInvalidHalfBuiltPipeline_isNotRunnableAndListsItsProblemsNamingTheOperator() {
        editor.addOperator(OperatorKind.SENTENCE_SOURCE, new Position(0, 0));

        assertThat(runnable).containsExactly((PipelineSpec) null);
        assertThat(editor.problems()).contains("the pipeline has no sink; it needs at least one");
        editor.addOperator(OperatorKind.FLAT_MAP_WORDS, new Position(400, 0));
        assertThat(editor.operatorsWithProblems()).contains("flat-map-words");
    }

    @Test
    void wiringUpAValidPipeline_handsItToTheJobView() {
        editor.addOperator(OperatorKind.SEQUENCE_SOURCE, new Position(0, 0));
        editor.addOperator(OperatorKind.DISCARD_SINK, new Position(400, 0));

        assertThat(editor.connect("sequence-source", "discard-sink")).isTrue();

        assertThat(editor.problems()).isEmpty();
        assertThat(runnable.get(runnable.size() - 1).edges())
                .containsExactly(new EdgeSpec("sequence-source", "discard-sink", Partitioning.FORWARD));
    }

    @Test
    void newEdges_areForwardBetweenEqualParallelismHashIntoKeyedAndRebalanceOtherwise() {
        openWordCount();
        editor.addOperator(OperatorKind.SLOW, new Position(0, 300));
        editor.setParallelism("slow", 3);

        assertThat(editor.defaultPartitioning("sentences", "split")).isEqualTo(Partitioning.FORWARD);
        assertThat(editor.defaultPartitioning("sentences", "count")).isEqualTo(Partitioning.HASH);
        assertThat(editor.defaultPartitioning("split", "slow")).isEqualTo(Partitioning.REBALANCE);
    }

    @Test
    void aRefusedEdge_addsNothingAndSaysWhy() {
        openWordCount();
        long revision = edits.revision();

        assertThat(editor.connect("split", "sentences")).isFalse();

        assertThat(edits.revision()).isEqualTo(revision);
        assertThat(editor.messageProperty().get())
                .isEqualTo("Cannot connect split -> sentences: 'sentences' is a source (sentence-source) "
                        + "and takes no inputs");
        assertThat(graph.edges()).hasSize(3);
    }

    @Test
    void anEdgeClosingACycle_isRefusedNamingTheCycle() {
        openWordCount();
        editor.addOperator(OperatorKind.UNION, new Position(0, 300));
        editor.addOperator(OperatorKind.MAP, new Position(400, 300));
        editor.connect("sentences", "union");
        editor.connect("union", "map");

        assertThat(editor.connect("map", "union")).isFalse();

        assertThat(editor.messageProperty().get()).contains("cycle union -> map -> union");
    }

    @Test
    void aSuccessfulEdit_clearsTheLastRefusal() {
        openWordCount();
        editor.connect("split", "sentences");

        editor.setName("count", "Count per word");

        assertThat(editor.messageProperty().get()).isEmpty();
    }

    @Test
    void draggingCards_isOneUndoStepThatMovesTheGraphNodesWithoutRebuildingThem() {
        openWordCount();
        OperatorNode split = graph.node("split").orElseThrow();

        assertThat(editor.move(Set.of("split", "count"), 10, 20)).isTrue();

        assertThat(graph.node("split").orElseThrow()).isSameAs(split);
        assertThat(split.x()).isEqualTo(410);
        assertThat(split.y()).isEqualTo(20);
        assertThat(editor.undoTextProperty().get()).isEqualTo("Undo Move 2 operators (count, split)");
        editor.undo();
        assertThat(split.x()).isEqualTo(400);
        assertThat(graph.node("count").orElseThrow().x()).isEqualTo(800);
    }

    @Test
    void theDragGroup_isTheSelectionWhenTheGrabbedCardIsSelected_elseTheCardAlone() {
        openWordCount();
        editor.selectOperator("split", false);
        editor.selectOperator("count", true);

        assertThat(editor.dragGroup("split")).containsExactlyInAnyOrder("split", "count");
        assertThat(editor.dragGroup("output")).containsExactly("output");
    }

    @Test
    void undoAndRedo_restoreThePipelineAndNameTheCommandInTheirLabels() {
        openWordCount();
        editor.setParallelism("count", 4);
        assertThat(editor.problems()).anyMatch(p -> p.startsWith("edge count -> output"));

        editor.undo();
        assertThat(editor.pipeline().operator("count").orElseThrow().parallelism()).isEqualTo(2);
        assertThat(editor.redoTextProperty().get()).isEqualTo("Redo Set parallelism of count to 4");
        assertThat(editor.canRedoProperty().get()).isTrue();

        editor.redo();
        assertThat(graph.node("count").orElseThrow().parallelism()).isEqualTo(4);
        assertThat(editor.edgesWithProblems()).containsExactly(new EdgeRef("count", "output"));
    }

    @Test
    void whileLocked_structuralEditsAreRefusedWithTheStopMessage_butMovesStillWork() {
        openWordCount();
        locked.set(true);

        assertThat(editor.addOperator(OperatorKind.MAP, new Position(0, 0))).isFalse();
        assertThat(editor.messageProperty().get()).isEqualTo(EditorViewModel.LOCKED_MESSAGE);
        assertThat(editor.connect("sentences", "count")).isFalse();
        editor.selectAll();
        assertThat(editor.deleteSelection()).isFalse();
        assertThat(editor.pipeline().operatorIds()).hasSize(4);

        assertThat(editor.move(Set.of("count"), 5, 5)).isTrue();
    }

    @Test
    void whileLocked_undoOfAStructuralEditIsRefused_butUndoOfAMoveIsNot() {
        openWordCount();
        editor.setName("count", "Counter");
        editor.move(Set.of("count"), 5, 5);
        locked.set(true);

        assertThat(editor.undo()).isTrue();
        assertThat(editor.undo()).isFalse();

        assertThat(editor.pipeline().operator("count").orElseThrow().name()).isEqualTo("Counter");
        assertThat(editor.messageProperty().get()).startsWith(EditorViewModel.LOCKED_MESSAGE);
    }

    @Test
    void aParallelismChangeWhileLocked_goesToTheRescaleHook() {
        openWordCount();
        List<String> asked = new ArrayList<>();
        editor.onParallelismWhileRunning((id, p) -> asked.add(id + "=" + p));
        locked.set(true);

        assertThat(editor.setParallelism("count", 3)).isFalse();

        assertThat(asked).containsExactly("count=3");
        assertThat(editor.pipeline().operator("count").orElseThrow().parallelism()).isEqualTo(2);
    }

    @Test
    void aParallelismChangeWhileLocked_withoutHook_saysToStopTheJob() {
        openWordCount();
        locked.set(true);

        editor.setParallelism("count", 3);

        assertThat(editor.messageProperty().get()).isEqualTo(EditorViewModel.LOCKED_MESSAGE);
    }

    @Test
    void copyAndPaste_insertCopiesWithFreshIdsAndTheEdgeBetweenThem_furtherOffsetEachTime() {
        openWordCount();
        editor.select(Selection.ofOperators("split", "count"));
        assertThat(editor.copy()).isTrue();

        editor.paste();
        editor.paste();

        EditablePipeline p = editor.pipeline();
        assertThat(p.operatorIds()).contains("split-2", "count-2", "split-3", "count-3");
        assertThat(p.edge("split-2", "count-2")).isPresent();
        assertThat(p.positionOf("split-2")).isEqualTo(new Position(440, 40));
        assertThat(p.positionOf("split-3")).isEqualTo(new Position(480, 80));
        assertThat(p.selection().operators()).containsExactlyInAnyOrder("split-3", "count-3");
    }

    @Test
    void pasteWithoutCopy_saysWhatToDo() {
        assertThat(editor.paste()).isFalse();
        assertThat(editor.messageProperty().get()).isEqualTo("Nothing to paste: copy one or more operators first");
    }

    @Test
    void cut_removesTheOperatorsAndKeepsThemForPaste() {
        openWordCount();
        editor.select(Selection.ofOperators("count"));

        assertThat(editor.cut()).isTrue();
        assertThat(editor.pipeline().operatorIds()).doesNotContain("count");

        editor.paste();
        assertThat(editor.pipeline().operatorIds()).contains("count");
    }

    @Test
    void selectAllThenDelete_leavesAnEmptyPipeline() {
        openWordCount();
        editor.selectAll();

        assertThat(editor.deleteSelection()).isTrue();

        assertThat(editor.pipeline().operatorIds()).isEmpty();
        assertThat(graph.nodes()).isEmpty();
        assertThat(editor.undoTextProperty().get()).isEqualTo("Undo Delete selection");
    }

    @Test
    void shiftClickingASelectedOperator_removesItFromTheSelection() {
        openWordCount();
        editor.selectOperator("split", false);
        editor.selectOperator("count", true);

        editor.selectOperator("split", true);

        assertThat(editor.pipeline().selection()).isEqualTo(Selection.ofOperators("count"));
    }

    @Test
    void selecting_isNoEditAndLeavesNothingToUndo() {
        openWordCount();

        editor.selectAll();
        editor.clearSelection();

        assertThat(editor.canUndoProperty().get()).isFalse();
        assertThat(edits.hasUnsavedChanges()).isFalse();
    }

    @Test
    void aResetStack_showsTheNewPipelineAndClearsTheUndoLabel() {
        editor.addOperator(OperatorKind.MAP, new Position(0, 0));

        openWordCount();

        assertThat(graph.nodes()).extracting(OperatorNode::id)
                .containsExactly("sentences", "split", "count", "output");
        assertThat(editor.undoTextProperty().get()).isEqualTo("Undo");
        assertThat(runnable.get(runnable.size() - 1).name()).isEqualTo("Word count");
    }

    @Test
    void anInvalidParameter_isRefusedWithTheParameterProblem() {
        openWordCount();
        editor.addOperator(OperatorKind.SLOW, new Position(0, 300));

        assertThat(editor.setParam("slow", "costMicros", -5L)).isFalse();

        assertThat(editor.messageProperty().get()).contains("costMicros").contains(">= 0");
        assertThat(editor.setParam("slow", "costMicros", 50L)).isTrue();
        assertThat(editor.pipeline().operator("slow").orElseThrow().params()).containsEntry("costMicros", 50L);
    }

    @Test
    void autoLayoutPositions_arePlacedInOneUndoStep() {
        openWordCount();

        editor.place(Map.of("sentences", new Position(-50, 5), "split", new Position(300, 5)), "Auto layout");

        assertThat(graph.node("sentences").orElseThrow().x()).isEqualTo(-50);
        assertThat(editor.undoTextProperty().get()).isEqualTo("Undo Auto layout");
    }
}
