package org.checkpointlab.views.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.Partitioning;

import org.checkpointlab.views.MainWindow;

import org.checkpointlab.views.editor.model.Position;
import org.checkpointlab.views.editor.model.Selection;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The editor in the main window, driven with the mouse and keyboard (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class EditorViewTest {
    @TempDir
    static Path dir;

    @RegisterExtension
    final MainWindow window = MainWindow.emptyCanvas(() -> dir.resolve("no-samples"));

    private void add(FxRobot robot, OperatorKind kind, double x, double y) {
        robot.interact(() -> window.editor().addOperator(kind, new Position(x, y)));
        robot.interact(() -> window.graphView().fitToWindow());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A source and a sink side by side, not connected. */
    private void sourceAndSink(FxRobot robot) {
        add(robot, OperatorKind.SEQUENCE_SOURCE, 0, 0);
        add(robot, OperatorKind.DISCARD_SINK, 500, 0);
    }

    private Node card(String id) {
        return window.graphView().card(id).orElseThrow();
    }

    private Label title(FxRobot robot, String id) {
        return robot.from(card(id)).lookup(".card-title").queryAs(Label.class);
    }

    @Test
    void theFilterBox_narrowsThePaletteAndDoubleClickAdds(FxRobot robot) {
        robot.clickOn("#palette-filter").write("sink");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.view().editorView().palette().entry(OperatorKind.MAP)).isEmpty();
        Region sink = window.view().editorView().palette().entry(OperatorKind.COLLECT_SINK).orElseThrow();
        robot.doubleClickOn(sink);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.editor().pipeline().operatorIds()).containsExactly("collect-sink");
    }

    @Test
    void draggingFromAnOutputPortToAnInputPort_connectsTheOperators(FxRobot robot) {
        sourceAndSink(robot);
        Node out = window.view().editorView().canvas().outputPort("sequence-source").orElseThrow();
        Node in = window.view().editorView().canvas().inputPort("discard-sink").orElseThrow();

        robot.drag(out, MouseButton.PRIMARY).moveBy(40, 10).moveTo(in).drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.editor().pipeline().spec().edges())
                .containsExactly(new EdgeSpec("sequence-source", "discard-sink", Partitioning.FORWARD));
        assertThat(window.graphView().edgeViews()).hasSize(1);
        assertThat(window.editor().problems()).isEmpty();
        assertThat(window.viewModel().live().pipelineProperty().get()).isNotNull();
        assertThat(robot.lookup("#edit-message").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void escapeWhileDraggingAWire_dropsIt_andReleasingOverAnInputPortThenConnectsNothing(FxRobot robot) {
        sourceAndSink(robot);
        Node out = window.view().editorView().canvas().outputPort("sequence-source").orElseThrow();
        Node in = window.view().editorView().canvas().inputPort("discard-sink").orElseThrow();

        robot.drag(out, MouseButton.PRIMARY).moveBy(40, 10).moveTo(in);
        robot.type(KeyCode.ESCAPE);
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.editor().pipeline().spec().edges()).isEmpty();
        assertThat(robot.lookup(".rubber-edge").queryAll()).as("the wire being dragged is gone").isEmpty();

        robot.drag(out, MouseButton.PRIMARY).moveBy(40, 10).moveTo(in).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().pipeline().spec().edges()).as("wiring works again after a cancelled wire")
                .hasSize(1);
    }

    @Test
    void wiringIntoASource_isRefusedWithTheReasonOnTheCanvas(FxRobot robot) {
        add(robot, OperatorKind.SEQUENCE_SOURCE, 0, 0);
        add(robot, OperatorKind.SENTENCE_SOURCE, 500, 0);
        Node out = window.view().editorView().canvas().outputPort("sequence-source").orElseThrow();

        robot.drag(out, MouseButton.PRIMARY).moveBy(40, 10).moveTo(title(robot, "sentence-source")).drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.editor().pipeline().spec().edges()).isEmpty();
        Label message = robot.lookup("#edit-message").queryAs(Label.class);
        assertThat(message.getText()).isEqualTo("Cannot connect sequence-source -> sentence-source: "
                + "'sentence-source' is a source (sentence-source) and takes no inputs");
        assertThat(message.isVisible() && message.getParent().isVisible()).isTrue();
    }

    @Test
    void aHalfBuiltPipeline_showsItsProblemsAndKeepsRunDisabled(FxRobot robot) {
        sourceAndSink(robot);

        robot.clickOn("#problems-badge");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#problems-badge").queryButton().getText()).startsWith("1 problem");
        assertThat(robot.lookup("." + EditorStyles.PROBLEM_LINE).queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.contains("operator 'discard-sink': has no input"));
        assertThat(card("discard-sink").getPseudoClassStates())
                .contains(org.checkpointlab.views.graph.GraphStyles.INVALID);
        assertThat(robot.lookup(".run-button").queryButton().isDisabled()).isTrue();
    }

    @Test
    void changingParallelismInTheInspector_appliesOnEnterAndUndoRedoThroughTheMenuAndShortcuts(FxRobot robot) {
        sourceAndSink(robot);
        robot.clickOn(title(robot, "discard-sink"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().pipeline().selection()).isEqualTo(Selection.ofOperators("discard-sink"));

        TextField parallelism = robot.lookup("#inspector-parallelism").queryAs(TextField.class);
        robot.doubleClickOn(parallelism).eraseText(3).write("3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.editor().pipeline().operator("discard-sink").orElseThrow().parallelism()).isEqualTo(3);
        assertThat(robot.from(card("discard-sink")).lookup("p=3").tryQuery()).isPresent();

        javafx.scene.control.MenuItem undo = window.view().editorView().editMenu().undoItem();
        assertThat(undo.getText()).isEqualTo("Undo Set parallelism of discard-sink to 3");
        assertThat(undo.getAccelerator().getDisplayText()).isNotBlank();
        robot.interact(undo::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().pipeline().operator("discard-sink").orElseThrow().parallelism()).isEqualTo(2);

        robot.clickOn(title(robot, "sequence-source"));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().pipeline().operator("discard-sink").orElseThrow().parallelism()).isEqualTo(3);

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().pipeline().operator("discard-sink").orElseThrow().parallelism()).isEqualTo(3);
    }

    @Test
    void withNothingSelected_theInspectorRenamesThePipeline_andUndoPutsTheOldNameBack(FxRobot robot) {
        sourceAndSink(robot);
        robot.interact(() -> window.editor().clearSelection());
        WaitForAsyncUtils.waitForFxEvents();
        String before = window.editor().pipeline().spec().name();

        TextField name = robot.lookup("#inspector-pipeline-name").queryAs(TextField.class);
        assertThat(name.getText()).isEqualTo(before);
        robot.clickOn(name).push(KeyCode.CONTROL, KeyCode.A).write("Numbers to nowhere").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.editor().pipeline().spec().name()).isEqualTo("Numbers to nowhere");
        javafx.scene.control.MenuItem undo = window.view().editorView().editMenu().undoItem();
        assertThat(undo.getText()).isEqualTo("Undo Name the pipeline \"Numbers to nowhere\"");
        robot.interact(undo::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().pipeline().spec().name()).isEqualTo(before);
        assertThat(robot.lookup("#inspector-pipeline-name").queryAs(TextField.class).getText()).isEqualTo(before);
    }

    @Test
    void anInvalidValueInTheInspector_isExplainedUnderTheFieldAndNotApplied(FxRobot robot) {
        add(robot, OperatorKind.SLOW, 0, 0);
        TextField cost = robot.lookup("#inspector-param-costMicros").queryAs(TextField.class);

        robot.clickOn(cost).write("-5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        Label error = robot.lookup("#inspector-param-costMicros-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("costMicros must be >= 0, was -5");
        assertThat(window.editor().pipeline().operator("slow").orElseThrow().params()).doesNotContainKey("costMicros");

        robot.eraseText(2).write("50").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().pipeline().operator("slow").orElseThrow().params()).containsEntry("costMicros", 50L);
    }

    @Test
    void shortcutsInATextField_editTheTextNotThePipeline(FxRobot robot) {
        add(robot, OperatorKind.MAP, 0, 0);
        TextField name = robot.lookup("#inspector-name").queryAs(TextField.class);
        robot.clickOn(name).write("xy");
        long revision = window.viewModel().edits().revision();

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        robot.type(KeyCode.DELETE);
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.viewModel().edits().revision()).isEqualTo(revision);
        assertThat(window.editor().pipeline().operatorIds()).containsExactly("map");
    }

    @Test
    void deleteKey_removesTheSelectionAndSelectAllTakesEverything(FxRobot robot) {
        sourceAndSink(robot);
        robot.clickOn(title(robot, "discard-sink"));

        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().pipeline().operatorIds()).containsExactly("sequence-source");

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().pipeline().selection().operators()).hasSize(2);
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().pipeline().operatorIds()).isEmpty();
    }

    @Test
    void copyAndPaste_addCopiesNextToTheOriginals(FxRobot robot) {
        sourceAndSink(robot);
        robot.clickOn(title(robot, "discard-sink"));

        robot.push(KeyCode.CONTROL, KeyCode.C);
        robot.push(KeyCode.CONTROL, KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.editor().pipeline().operatorIds()).contains("discard-sink-2");
        assertThat(window.editor().pipeline().positionOf("discard-sink-2"))
                .isEqualTo(window.editor().pipeline().positionOf("discard-sink").offset(40, 40));
    }

    @Test
    void draggingASelectedCard_movesTheWholeSelectionInOneUndoStep(FxRobot robot) {
        sourceAndSink(robot);
        robot.clickOn(title(robot, "sequence-source"));
        robot.press(KeyCode.SHIFT).clickOn(title(robot, "discard-sink")).release(KeyCode.SHIFT);
        Position source = window.editor().pipeline().positionOf("sequence-source");
        Position sink = window.editor().pipeline().positionOf("discard-sink");

        robot.drag(title(robot, "discard-sink"), MouseButton.PRIMARY).moveBy(30, 20).moveBy(30, 20).drop();
        WaitForAsyncUtils.waitForFxEvents();

        Position movedSource = window.editor().pipeline().positionOf("sequence-source");
        Position movedSink = window.editor().pipeline().positionOf("discard-sink");
        assertThat(movedSource.x() - source.x()).isPositive().isEqualTo(movedSink.x() - sink.x());
        assertThat(window.editor().undoTextProperty().get())
                .isEqualTo("Undo Move 2 operators (discard-sink, sequence-source)");
        robot.interact(() -> window.editor().undo());
        assertThat(window.viewModel().graph().node("sequence-source").orElseThrow().x()).isEqualTo(source.x());
    }

    @Test
    void clickingTheBackground_clearsTheSelection(FxRobot robot) {
        sourceAndSink(robot);
        robot.clickOn(title(robot, "discard-sink"));
        Bounds canvas = window.graphView().localToScreen(window.graphView().getBoundsInLocal());

        robot.clickOn(canvas.getMinX() + 20, canvas.getMaxY() - 20, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.editor().pipeline().selection().isEmpty()).isTrue();
    }

    @Test
    void clickingAnEdge_letsTheInspectorChangeItsPartitioning_andRefusesWhatAKeyedTargetCannotTake(FxRobot robot) {
        add(robot, OperatorKind.SEQUENCE_SOURCE, 0, 0);
        add(robot, OperatorKind.KEYED_SUM, 500, 0);
        add(robot, OperatorKind.DISCARD_SINK, 1000, 0);
        robot.interact(() -> {
            window.editor().connect("sequence-source", "keyed-sum");
            window.editor().connect("keyed-sum", "discard-sink");
            window.graphView().fitToWindow();
        });
        Label label = window.graphView().edgeViews().get(1).label();
        robot.clickOn(label);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().pipeline().selection()).isEqualTo(Selection.ofEdge("keyed-sum", "discard-sink"));

        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Partitioning> choice =
                robot.lookup("#partitioning").queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> choice.setValue(Partitioning.BROADCAST));
        assertThat(window.editor().pipeline().edge("keyed-sum", "discard-sink").orElseThrow().partitioning())
                .isEqualTo(Partitioning.BROADCAST);
        assertThat(window.graphView().edgeViews().get(1).label().getText()).isEqualTo("broadcast");

        robot.clickOn(window.graphView().edgeViews().get(0).label());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Partitioning> intoKeyed =
                robot.lookup("#partitioning").queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> intoKeyed.setValue(Partitioning.REBALANCE));
        assertThat(window.editor().pipeline().edge("sequence-source", "keyed-sum").orElseThrow().partitioning())
                .isEqualTo(Partitioning.HASH);
        assertThat(intoKeyed.getValue()).isEqualTo(Partitioning.HASH);
        assertThat(robot.lookup("#edit-message").queryAs(Label.class).getText())
                .contains("is keyed, so its input must be hash-partitioned");
    }

    @Test
    void shiftDraggingOverTheBackground_selectsTheCardsInTheRubberBand(FxRobot robot) {
        sourceAndSink(robot);
        Bounds source = card("sequence-source").localToScreen(card("sequence-source").getBoundsInLocal());
        Bounds sink = card("discard-sink").localToScreen(card("discard-sink").getBoundsInLocal());
        double panX = window.graphView().panX();

        robot.press(KeyCode.SHIFT);
        robot.drag(source.getMinX() - 15, source.getMinY() - 15, MouseButton.PRIMARY)
                .moveBy(20, 10).moveTo(sink.getMaxX() + 5, sink.getMaxY() + 5).drop();
        robot.release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.editor().pipeline().selection().operators())
                .containsExactlyInAnyOrder("sequence-source", "discard-sink");
        assertThat(window.graphView().panX()).as("the band does not pan the canvas").isEqualTo(panX);
    }

    @Test
    void theToolbarUndoButton_saysWhatItUndoesAndItsShortcut(FxRobot robot) {
        add(robot, OperatorKind.MAP, 0, 0);

        javafx.scene.control.Button undo = robot.lookup("↶ Undo").queryButton();

        assertThat(undo.getTooltip().getText()).isEqualTo("Undo Add map (Ctrl+Z)");
        robot.clickOn(undo);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().pipeline().operatorIds()).isEmpty();
        assertThat(undo.isDisabled()).isTrue();
    }

    @Test
    void typingAnFInTheFilterBox_typesItInsteadOfFittingTheGraph(FxRobot robot) {
        TextField filter = robot.lookup("#palette-filter").queryAs(TextField.class);

        robot.clickOn(filter).type(KeyCode.F, KeyCode.L, KeyCode.A, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(filter.getText()).isEqualTo("flat");
        assertThat(window.view().editorView().palette().entry(OperatorKind.FLAT_MAP_WORDS)).isPresent();
    }
}
