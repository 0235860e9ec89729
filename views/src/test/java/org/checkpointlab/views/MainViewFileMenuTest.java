package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.editor.RecentFiles;
import org.checkpointlab.views.editor.UnsavedChangesPrompt.Choice;
import org.checkpointlab.views.editor.model.SetParallelism;
import org.checkpointlab.views.graph.GraphStyles;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The File menu, toolbar and shortcuts of the main window on real files, with a fake unsaved-changes prompt. */
@ExtendWith(ApplicationExtension.class)
class MainViewFileMenuTest {
    @TempDir
    static Path dir;

    private MainViewModel viewModel;
    private MainView view;
    private Choice answer = Choice.CANCEL;
    private final List<String> asked = new ArrayList<>();
    private Optional<Path> chosenFile = Optional.empty();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        LiveJobViewModel live = new LiveJobViewModel(new JobSession(config -> {
            throw new PipelineException(List.of("the test engine starts nothing"));
        }, TaskRunner.sameThread(), dir.resolve("sp")), RuntimeOptions.defaults(), () -> 0L);
        viewModel = new MainViewModel(PipelineLoader.validating(), new SampleCatalog(dir.resolve("no-samples")),
                new PipelineGraphViewModel(), live, RecentFiles.load(dir.resolve("recent-" + System.nanoTime() + ".json")));
        view = MainView.load(viewModel);
        viewModel.useDialogs((name, action) -> {
            asked.add(name + " / " + action);
            return answer;
        }, (name, directory) -> chosenFile);
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
    }

    private Path write(String name, PipelineSpec spec) throws IOException {
        Path file = dir.resolve(name);
        PipelineJson.write(spec, file);
        return file;
    }

    private void open(FxRobot robot, Path file) {
        robot.interact(() -> viewModel.open(file));
    }

    private void edit(FxRobot robot, int countParallelism) {
        robot.interact(() -> viewModel.edits().execute(new SetParallelism("count", countParallelism)));
    }

    private Menu fileMenu(FxRobot robot) {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0);
    }

    private MenuItem item(Menu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void ctrlS_savesTheEditedPipeline_andReopeningItGivesTheSameSpec(FxRobot robot) throws Exception {
        Path file = write("save-me.json", TestPipelines.wordCount());
        open(robot, file);
        edit(robot, 3);
        assertThat(viewModel.titleProperty().get()).startsWith(MainViewModel.UNSAVED_MARK);
        PipelineSpec edited = viewModel.edits().current().spec();

        robot.clickOn(view.graphView());
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(PipelineJson.read(file)).isEqualTo(edited);
        assertThat(viewModel.titleProperty().get()).isEqualTo("Word count \u2013 Checkpoint Lab");
        assertThat(robot.lookup("." + MainStyles.STATUS_BAR + " .status-text").queryAs(Label.class).getText())
                .isEqualTo("Saved save-me.json");

        open(robot, write("other.json", TestPipelines.broadcast()));
        open(robot, file);
        assertThat(viewModel.edits().current().spec()).isEqualTo(edited);
        assertThat(robot.lookup("." + GraphStyles.CARD).queryAll()).hasSize(4);
    }

    @Test
    void aMovedCard_isSavedWithThePipeline_andReopensWhereItWasLeft(FxRobot robot) throws Exception {
        Path file = write("arranged.json", TestPipelines.wordCount());
        open(robot, file);
        var before = viewModel.edits().current().positionOf("count");
        robot.interact(() -> viewModel.edits().execute(
                new org.checkpointlab.views.editor.model.MoveOperators(java.util.Set.of("count"), 37, 55)));
        assertThat(viewModel.titleProperty().get()).as("a move is an unsaved change")
                .startsWith(MainViewModel.UNSAVED_MARK);

        robot.interact(() -> viewModel.save());
        assertThat(org.checkpointlab.model.pipeline.PipelineJson.readFile(file).layout().get("count"))
                .isEqualTo(new org.checkpointlab.model.pipeline.CardPosition(
                        Math.round((before.x() + 37) * 10) / 10.0, Math.round((before.y() + 55) * 10) / 10.0));

        open(robot, write("other.json", TestPipelines.broadcast()));
        open(robot, file);
        WaitForAsyncUtils.waitForFxEvents();
        var reopened = viewModel.edits().current().positionOf("count");
        assertThat(reopened.x()).isCloseTo(before.x() + 37, org.assertj.core.data.Offset.offset(0.05));
        assertThat(reopened.y()).isCloseTo(before.y() + 55, org.assertj.core.data.Offset.offset(0.05));
        var card = viewModel.graph().nodes().stream().filter(n -> n.id().equals("count")).findFirst().orElseThrow();
        assertThat(card.x()).as("the card is drawn there").isCloseTo(reopened.x(),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(viewModel.titleProperty().get()).doesNotStartWith(MainViewModel.UNSAVED_MARK);
    }

    @Test
    void newWithUnsavedChanges_asksFirst_cancelKeepsTheCards_dontSaveEmptiesTheCanvas(FxRobot robot)
            throws Exception {
        open(robot, write("new-test.json", TestPipelines.wordCount()));
        edit(robot, 3);

        answer = Choice.CANCEL;
        robot.clickOn("#newButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).containsExactly("Word count / starting a new pipeline");
        assertThat(robot.lookup("." + GraphStyles.CARD).queryAll()).hasSize(4);
        assertThat(viewModel.edits().hasUnsavedChanges()).isTrue();

        answer = Choice.DISCARD;
        robot.clickOn("#newButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("." + GraphStyles.CARD).queryAll()).isEmpty();
        assertThat(viewModel.titleProperty().get()).isEqualTo("Untitled \u2013 Checkpoint Lab");
        Label runProblem = robot.lookup("." + MainStyles.RUN_PROBLEM).queryAs(Label.class);
        assertThat(runProblem.isVisible()).isTrue();
        assertThat(runProblem.getText()).startsWith("Cannot run: ");
        assertThat(robot.lookup("#runButton").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void brokenFile_showsWhatIsWrong_andLeavesThePipelineAndItsEditsUntouched(FxRobot robot) throws Exception {
        open(robot, write("keep.json", TestPipelines.wordCount()));
        edit(robot, 3);
        var before = viewModel.edits().current();
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": 1, \"nmae\": \"typo\"}");

        open(robot, broken);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("." + MainStyles.ERROR_BANNER).query().isVisible()).isTrue();
        assertThat(robot.lookup("." + MainStyles.ERROR_PROBLEM).queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(t -> assertThat(t).startsWith("\u2022 broken.json: ").contains("nmae"));
        assertThat(robot.lookup("." + MainStyles.ERROR_TITLE).queryAs(Label.class).getText())
                .endsWith("still showing Word count");
        assertThat(viewModel.edits().current()).isEqualTo(before);
        assertThat(viewModel.edits().canUndo()).isTrue();
        assertThat(viewModel.titleProperty().get()).isEqualTo("\u2022 Word count \u2013 Checkpoint Lab");
        assertThat(robot.lookup("." + GraphStyles.CARD).queryAll()).hasSize(4);
        assertThat(asked).isEmpty();
    }

    @Test
    void openRecent_listsFilesMostRecentFirst_missingOnesDisabled_andClearRecentEmptiesIt(FxRobot robot)
            throws Exception {
        Path first = write("first.json", TestPipelines.wordCount());
        Path second = write("second.json", TestPipelines.broadcast());
        open(robot, first);
        open(robot, second);
        Files.delete(first);
        Menu recent = (Menu) item(fileMenu(robot), "recentMenu");
        robot.interact(() -> recent.getOnShowing().handle(null));

        List<MenuItem> entries = recent.getItems().subList(0, 2);
        assertThat(entries).extracting(MenuItem::getText).satisfiesExactly(
                t -> assertThat(t).startsWith("second.json"),
                t -> assertThat(t).startsWith("first.json").endsWith("(missing)"));
        assertThat(entries).extracting(MenuItem::isDisable).containsExactly(false, true);

        robot.interact(() -> item(recent, "clear-recent").fire());
        assertThat(viewModel.recentFiles()).isEmpty();
        assertThat(recent.getItems()).extracting(MenuItem::getText).startsWith("No recent files");
    }

    @Test
    void closingTheWindowWithUnsavedChanges_asksFirst_andCancelKeepsItOpen(FxRobot robot) throws Exception {
        open(robot, write("close.json", TestPipelines.wordCount()));
        edit(robot, 3);
        List<WindowEvent> reachedTheStage = new ArrayList<>();
        robot.interact(() -> stage.setOnCloseRequest(reachedTheStage::add));

        answer = Choice.CANCEL;
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(asked).containsExactly("Word count / closing Checkpoint Lab");
        assertThat(reachedTheStage).as("the close request was consumed").isEmpty();

        answer = Choice.DISCARD;
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(reachedTheStage).hasSize(1);
    }

    @Test
    void fileMenuShowsTheShortcuts_andToolbarTooltipsNameThem(FxRobot robot) {
        Menu file = fileMenu(robot);
        assertThat(item(file, "newItem").getAccelerator().getDisplayText()).isEqualTo("Ctrl+N");
        assertThat(item(file, "saveItem").getAccelerator().getDisplayText()).isEqualTo("Ctrl+S");
        assertThat(item(file, "saveAsItem").getAccelerator().getDisplayText()).isEqualTo("Ctrl+Shift+S");
        assertThat(robot.lookup("#newButton").queryAs(Button.class).getTooltip().getText()).contains("Ctrl+N");
        assertThat(robot.lookup("#saveButton").queryAs(Button.class).getTooltip().getText()).contains("Ctrl+S");
        assertThat(robot.lookup("#runButton").queryAs(Button.class).getTooltip().getText()).contains("Ctrl+R");
    }
}
