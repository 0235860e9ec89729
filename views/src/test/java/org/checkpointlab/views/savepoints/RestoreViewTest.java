package org.checkpointlab.views.savepoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The restore dialog's own behaviour: Restore shown whole, Close and Escape close it, and a refused restore after
 * the job was cancelled says so in the failure colour instead of "the running job was left as it was" in green.
 */
@ExtendWith(ApplicationExtension.class)
class RestoreViewTest {
    @TempDir
    static Path dir;
    private static Path savepoint;

    private JobSession session;
    private Stage dialog;

    /** numbers(1) -hash-> {@code countId}(2) -forward-> sink(2), unbounded at a watchable rate. */
    private static PipelineSpec pipeline(String countId) {
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "keyed count",
                List.of(new OperatorSpec("numbers", null, "sequence-source", 1, null,
                                Map.of("count", 0L, "ratePerSecond", 200L)),
                        new OperatorSpec(countId, null, "keyed-count", 2, null, Map.of()),
                        new OperatorSpec("sink", null, "discard-sink", 2, null, Map.of())),
                List.of(new EdgeSpec("numbers", countId, Partitioning.HASH),
                        new EdgeSpec(countId, "sink", Partitioning.FORWARD)),
                Map.of(), true);
    }

    @BeforeAll
    static void takeASavepoint() throws Exception {
        savepoint = dir.resolve("sp");
        try (Job job = Job.start(JobConfig.of(pipeline("count")))) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            job.triggerSavepoint(savepoint).get(20, TimeUnit.SECONDS);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        session = new JobSession(JobLauncher.local(), TaskRunner.sameThread(), dir.resolve("savepoints"));
        session.start(pipeline("counter")); // its keyed operator is not the savepoint's: a restore is refused
        RestoreViewModel vm = new RestoreViewModel(session);
        vm.pathProperty().set(savepoint);
        vm.load();
        dialog = RestoreView.showDialog(null, vm);
    }

    @AfterEach
    void stopJob() {
        if (session.job() != null) {
            session.job().close();
        }
    }

    @Test
    void refusedRestoreOfACancelledJob_saysTheJobHadEnded_inTheFailureColour(FxRobot robot) throws Exception {
        robot.interact(session::cancel);
        assertThat(session.job().awaitTermination(Duration.ofSeconds(10))).isTrue();
        assertThat(session.job().status()).isEqualTo(JobStatus.CANCELED);

        robot.clickOn("#restoreButton");
        WaitForAsyncUtils.waitForFxEvents();

        Label outcome = robot.lookup("#outcomeLabel").queryAs(Label.class);
        assertThat(outcome.getText()).isEqualTo("Not restored: the job had already ended (CANCELED) and was not "
                + "restarted");
        assertThat(outcome.getPseudoClassStates()).contains(RestoreView.FAILED);
        assertThat(robot.lookup(".problem").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(t -> assertThat(t).contains("'count'"));
    }

    @Test
    void refusedRestoreOfARunningJob_saysItWasLeftAsItWas(FxRobot robot) {
        robot.clickOn("#restoreButton");
        WaitForAsyncUtils.waitForFxEvents();

        Label outcome = robot.lookup("#outcomeLabel").queryAs(Label.class);
        assertThat(outcome.getText()).isEqualTo("Not restored: the running job was left as it was");
        assertThat(outcome.getPseudoClassStates()).contains(RestoreView.FAILED);
        assertThat(session.job().status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void restoreButton_isNeverNarrowerThanItsText(FxRobot robot) {
        Button restore = robot.lookup("#restoreButton").queryButton();
        robot.interact(() -> dialog.setWidth(420));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(restore.getWidth()).isGreaterThanOrEqualTo(restore.prefWidth(-1));
    }

    @Test
    void closeButton_closesTheDialog(FxRobot robot) {
        robot.clickOn("#closeButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialog.isShowing()).isFalse();
    }

    @Test
    void escape_closesTheDialog(FxRobot robot) {
        robot.clickOn("#pathField");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialog.isShowing()).isFalse();
    }
}
