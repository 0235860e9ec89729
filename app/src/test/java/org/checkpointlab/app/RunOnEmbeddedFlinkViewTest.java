package org.checkpointlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.checkpointlab.flink.embedded.EmbeddedFlinkEngine;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.client.EngineSelection;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobEngine;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.views.MainView;
import org.checkpointlab.views.SampleCatalog;
import org.checkpointlab.views.editor.RecentFiles;
import org.checkpointlab.views.engine.EngineChoiceView;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's window as {@link CheckpointLabApp} wires it: the user picks Embedded Flink in the toolbar and presses
 * Run; word count runs on Flink's MiniCluster and the window shows its checkpoints complete, on the operator ids of
 * the pipeline, and says what Flink cannot show. A pipeline Flink cannot run is refused by name before Run.
 */
@ExtendWith(ApplicationExtension.class)
class RunOnEmbeddedFlinkViewTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    static Path dir;

    private EngineSelection engines;
    private JobSession session;
    private MainView view;

    @Start
    void start(Stage stage) {
        engines = new EngineSelection(List.of(JobEngine.local(), new EmbeddedFlinkEngine()));
        session = new JobSession(engines, TaskRunner.background(), dir.resolve("savepoints"));
        view = CheckpointLabApp.window(engines, session, new SampleCatalog(SAMPLES), RecentFiles.inMemory());
        view.viewModel().openAtStart(List.of());
        stage.setScene(new Scene(view.root(), 1240, 780));
        stage.show();
    }

    @AfterEach
    void stop() {
        JobClient job = session.job();
        if (job != null) {
            job.close();
        }
        engines.shutdown();
    }

    @Test
    void wordCountRunsOnEmbeddedFlink_andItsCheckpointsCompleteInTheWindow(FxRobot robot) throws Exception {
        chooseEmbeddedFlink(robot);
        await("the embedded cluster to start", 60, () -> !label(robot, EngineChoiceView.STATE_ID).isVisible());
        assertThat(label(robot, EngineChoiceView.REFUSAL_ID).isVisible()).isFalse();

        robot.clickOn(robot.lookup(".run-button").queryAs(Button.class));
        await("a job on Flink", 30, () -> session.job() != null);
        JobClient job = session.job();
        assertThat(job.toString()).startsWith("Flink job");
        assertThat(robot.lookup("#" + EngineChoiceView.CHOICE_ID).queryAs(ChoiceBox.class).isDisabled()).isTrue();

        await("two completed checkpoints", 90, () -> job.snapshot().checkpoints().stream()
                .filter(c -> c.status() == CheckpointStatus.COMPLETED).count() >= 2);
        await("the strip to show a completed checkpoint", 30, () -> robot.lookup(".strip-checkpoint")
                .queryAllAs(Label.class).stream().anyMatch(l -> l.getText().matches("Checkpoint \\d+ completed.*")));
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.snapshot().subtasks()).flatExtracting(s -> s.operatorIds())
                .contains("sentences", "split", "count", "output");
        assertThat(label(robot, EngineChoiceView.NOTICE_ID).getText())
                .isEqualTo("On Embedded Flink: no channel buffers, pause/step, slow motion, live settings, running job state");

        robot.clickOn("■ Stop");
        assertThat(job.awaitTermination(java.time.Duration.ofSeconds(30))).isTrue();
        await("the choice to open again", 10,
                () -> !robot.lookup("#" + EngineChoiceView.CHOICE_ID).queryAs(ChoiceBox.class).isDisabled());
    }

    @Test
    void aPipelineFlinkCannotRun_isRefusedByNameBeforeRun(FxRobot robot) throws Exception {
        Path wide = dir.resolve("wide.json");
        Files.writeString(wide, Files.readString(SAMPLES.resolve("word-count.json"))
                .replace("\"parallelism\": 2", "\"parallelism\": 12"));
        robot.interact(() -> view.viewModel().open(wide));
        chooseEmbeddedFlink(robot);

        await("the refusal", 60, () -> label(robot, EngineChoiceView.REFUSAL_ID).isVisible());
        assertThat(label(robot, EngineChoiceView.REFUSAL_ID).getText())
                .startsWith("Embedded Flink cannot run this pipeline: parallelism 12")
                .contains("task slots");
        robot.clickOn(robot.lookup(".run-button").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.job()).isNull();
        assertThat(view.viewModel().live().announcementProperty().get())
                .startsWith("Cannot run: Embedded Flink cannot run this pipeline: parallelism 12");
    }

    private static void chooseEmbeddedFlink(FxRobot robot) {
        robot.clickOn("#" + EngineChoiceView.CHOICE_ID);
        robot.clickOn("Embedded Flink");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#" + EngineChoiceView.CHOICE_ID).queryAs(ChoiceBox.class).getValue())
                .extracting(e -> ((JobEngine) e).id()).isEqualTo(JobEngine.EMBEDDED_FLINK);
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class);
    }

    private static void await(String what, int seconds, BooleanSupplier condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("waited " + seconds + " s for " + what);
        }
    }
}
