package org.checkpointlab.views.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.savepoint.KeyLocation;
import org.checkpointlab.model.savepoint.KeyedStateEntry;
import org.checkpointlab.model.savepoint.SavepointReader;
import org.checkpointlab.model.savepoint.SavepointState;
import org.checkpointlab.model.savepoint.SavepointState.OperatorState;
import org.checkpointlab.model.savepoint.SavepointState.SubtaskState;
import org.checkpointlab.model.state.KeyGroups;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The State view on a savepoint of the word-count sample taken by a real engine run: the directory typed and
 * loaded, the keyed operator's subtasks with their key-group ranges, its entries, and a key found with its key
 * group, subtask (saved and at another parallelism) and count, all as the model reads them.
 */
@ExtendWith(ApplicationExtension.class)
class StateViewTest {
    @TempDir
    static Path dir;
    private static Path savepoint;

    private Stage dialog;

    @BeforeAll
    static void takeASavepointOfTheWordCountSample() throws Exception {
        PipelineSpec sample = PipelineJson.read(Path.of("..", "samples", "word-count.json"));
        PipelineSpec faster = sample.withOperators(sample.operators().stream()
                .map(o -> o.id().equals("sentences") ? o.withParams(Map.of("count", 0L, "ratePerSecond", 500L)) : o)
                .toList());
        savepoint = dir.resolve("savepoint-1");
        try (Job job = Job.start(JobConfig.of(faster))) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> job.summary().sourceRecords() >= 200);
            job.triggerSavepoint(savepoint).get(20, TimeUnit.SECONDS);
        }
    }

    @Start
    void start(Stage stage) {
        dialog = StateView.showDialog(null, new StateViewModel());
    }

    private void load(FxRobot robot) {
        robot.clickOn("#pathField").write(savepoint.toString());
        robot.clickOn("#loadButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aViewOpenedOnAStateReadBefore_namesTheOperatorItSearches(FxRobot robot) throws Exception {
        SavepointState read = SavepointState.of(SavepointReader.read(savepoint));
        StateViewModel viewModel = new StateViewModel();
        javafx.scene.Parent[] root = new javafx.scene.Parent[1];
        robot.interact(() -> {
            viewModel.show(read, "a savepoint");
            root[0] = new StateView(viewModel).root();
        });

        assertThat(robot.from(root[0]).lookup("#searchOperatorLabel").queryAs(Label.class).getText())
                .isEqualTo("Key in count");
    }

    @Test
    void loadedSavepoint_showsTheKeyedOperatorsSubtasksWithTheirKeyGroupsAndItsEntries(FxRobot robot)
            throws Exception {
        load(robot);
        OperatorState count = SavepointState.of(SavepointReader.read(savepoint)).operator("count").orElseThrow();

        TableView<OperatorState> operators = robot.lookup("#operatorTable").queryTableView();
        assertThat(operators.getItems()).extracting(OperatorState::id)
                .containsExactlyInAnyOrder("sentences", "split", "count", "output");
        assertThat(operators.getSelectionModel().getSelectedItem().id()).as("the keyed operator first")
                .isEqualTo("count");
        TableView<SubtaskState> subtasks = robot.lookup("#subtaskTable").queryTableView();
        assertThat(subtasks.getItems()).extracting(s -> s.keyGroups().start() + "-" + s.keyGroups().end())
                .containsExactly("0-63", "64-127");
        TableView<KeyedStateEntry> entries = robot.lookup("#entryTable").queryTableView();
        assertThat(entries.getItems()).hasSize(count.entries().size()).isNotEmpty();
        assertThat(robot.lookup("#entriesLabel").queryAs(Label.class).getText())
                .isEqualTo("Keyed state of count, all subtasks: " + count.entries().size() + " entries");

        robot.clickOn(robot.from(subtasks).lookup(".table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(entries.getItems()).isNotEmpty().allSatisfy(e -> assertThat(e.subtask()).isEqualTo(1));
    }

    @Test
    void findingAKey_givesItsKeyGroupItsSubtaskSavedAndAtANewParallelism_andItsCount(FxRobot robot)
            throws Exception {
        load(robot);
        KeyLocation expected = SavepointState.of(SavepointReader.read(savepoint)).locate("count", "the", 3);

        robot.clickOn("#keyField").write("the");
        robot.clickOn("#parallelismField").write("3");
        robot.clickOn("#findButton");
        WaitForAsyncUtils.waitForFxEvents();

        int keyGroup = KeyGroups.assignToKeyGroup("the", 128);
        assertThat(robot.lookup("#resultLabel").queryAs(Label.class).getText()).isEqualTo("Key 'the': key group "
                + keyGroup + " of 128; subtask " + KeyGroups.operatorIndexForKeyGroup(128, 2, keyGroup)
                + " at parallelism 2 (saved), subtask " + KeyGroups.operatorIndexForKeyGroup(128, 3, keyGroup)
                + " at parallelism 3; count = " + expected.values().get(0).value());
        TableView<KeyedStateEntry> entries = robot.lookup("#entryTable").queryTableView();
        assertThat(entries.getSelectionModel().getSelectedItem().keyText()).isEqualTo("the");
        assertThat(entries.getItems()).allSatisfy(e -> assertThat(e.subtask()).isEqualTo(expected.savedSubtask()));
    }

    @Test
    void unknownKey_saysSoAndNamesSomeKeys_andEscapeClosesTheWindow(FxRobot robot) {
        load(robot);
        robot.clickOn("#keyField").write("zebra");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#resultLabel").queryAs(Label.class).getText())
                .startsWith("Key 'zebra' has no state in operator 'count'").contains("e.g.");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).isFalse();
    }

    @Test
    void aDirectoryThatIsNotASavepoint_showsTheProblemAndNothingElse(FxRobot robot) {
        robot.clickOn("#pathField").write(dir.resolve("missing").toString());
        robot.clickOn("#loadButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".problem").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(t -> assertThat(t).contains("does not exist"));
        assertThat(robot.lookup("#operatorTable").queryTableView().getItems()).isEmpty();
        assertThat(robot.lookup("#pathField").queryAs(TextField.class).getText()).endsWith("missing");
    }
}
