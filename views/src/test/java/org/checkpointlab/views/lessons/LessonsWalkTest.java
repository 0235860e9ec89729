package org.checkpointlab.views.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javafx.stage.Stage;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.job.DeliveryVerdict;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.lesson.Highlight;
import org.checkpointlab.views.graph.SubtaskBox;
import org.checkpointlab.views.live.BarrierMode;
import org.checkpointlab.views.live.SubtaskKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Each of the six shipped lessons walked from its first step to its question on a real engine run in the main
 * window: every step waits for its event and advances when the engine shows it; the user's actions go through the
 * view models the window's controls call (Run, fail a subtask, barrier mode, Settings, savepoints, restore) and the
 * lesson panel's own buttons are clicked. Lessons run at full speed here.
 */
@ExtendWith(ApplicationExtension.class)
class LessonsWalkTest {
    @TempDir
    Path dir;

    private LessonWalk walk;
    private FxRobot robot;

    /** Building the whole main window takes a while on a loaded machine; TestFX waits 10 s by default. */
    @BeforeAll
    static void patientSetup() {
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
    }

    @Start
    void start(Stage stage) {
        robot = new FxRobot();
        walk = new LessonWalk(robot, stage, dir.resolve("savepoints"));
    }

    @AfterEach
    void closeJob() {
        walk.close();
    }

    @Test
    void lesson1_checkpointsAndRecovery() throws Exception {
        walk.open("checkpoints-and-recovery");
        assertThat(LessonWalk.call(() -> walk.lesson().counterProperty().get())).isEqualTo("Step 1 of 8");

        assertThat(LessonWalk.call(() -> walk.view.lessons().highlighter().marked())).isEmpty();
        walk.run();
        // The barrier reaches Count per word within seconds of Run: the step is marked as seen and stays, through
        // a checkpoint (which would have ended the next step), until the learner presses Next.
        walk.await("the barrier step to see its barrier", () -> LessonWalk.call(
                () -> walk.lesson().nextSuggestedProperty().get()));
        assertThat(walk.snapshot().checkpoints()).as("a checkpoint was triggered").isNotEmpty();
        long travelling = walk.snapshot().checkpoints().get(walk.snapshot().checkpoints().size() - 1).id();
        walk.holdsThroughACheckpoint("barrier-reaches-count");
        assertThat(LessonWalk.call(() -> walk.lesson().statusProperty().get()))
                .contains("\u2713 Seen: a barrier reached Count per word").contains("Press Next");
        walk.step("barrier-reaches-count", null);
        walk.step("checkpoint-completes", null);
        assertThat(walk.lastCompleted().id()).as("the checkpoint whose barrier was watched, or a later one, completed")
                .isGreaterThanOrEqualTo(travelling);
        walk.holdsThroughACheckpoint("fail");

        // Back to review the step before: it stays, though checkpoints complete; Back again goes further back.
        robot.clickOn("#lesson-back");
        WaitForAsyncUtils.waitForFxEvents();
        walk.holdsThroughACheckpoint("checkpoint-completes");
        assertThat(LessonWalk.call(() -> walk.lesson().statusProperty().get())).contains("until you press Next");
        robot.clickOn("#lesson-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(walk.stepId()).isEqualTo("barrier-reaches-count");
        robot.clickOn("#lesson-next");
        robot.clickOn("#lesson-next");
        WaitForAsyncUtils.waitForFxEvents();
        walk.holdsThroughACheckpoint("fail");
        assertThat(LessonWalk.call(() -> walk.lesson().nextSuggestedProperty().get()))
                .as("the failure is still to do: Next is not what to press").isFalse();
        assertThat(LessonWalk.call(() -> walk.lesson().highlightProperty().get()))
                .isEqualTo(new Highlight.Operator("count", 0));
        assertThat(LessonWalk.call(() -> walk.view.lessons().highlighter().marked())).singleElement()
                .isInstanceOfSatisfying(SubtaskBox.class, box -> assertThat(box.index()).isZero());
        walk.step("fail", () -> walk.main.live().injectFailure(new SubtaskKey("count", 0)));
        assertThat(walk.snapshot().failures()).isNotEmpty();
        walk.step("restored", null);
        assertThat(walk.snapshot().restarts()).last()
                .satisfies(r -> assertThat(r.restoredCheckpointId()).isPositive());
        walk.holdsThroughACheckpoint("output");
        robot.clickOn("#tab-output"); // the step waits for the learner to open the Output tab
        walk.step("output", null);
        walk.step("finished", null);
        assertThat(walk.job().status()).isEqualTo(JobStatus.FINISHED);
        assertThat(walk.job().checkDelivery()).as("what the Output tab shows: exactly-once held")
                .singleElement().satisfies(d -> assertThat(d.exactlyOnce()).isTrue());
        assertThat(walk.stepId()).isEqualTo("question");
        walk.answer(1, 2);

        // Back and Restart are the panel's buttons.
        robot.clickOn("#lesson-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(walk.stepId()).isEqualTo("question");
        assertThat(LessonWalk.call(() -> walk.lesson().completedProperty().get())).isFalse();
        robot.interact(() -> walk.main.live().stop()); // else the window asks first whether to stop the job
        robot.clickOn("#lesson-restart");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(walk.stepId()).isEqualTo("run");
        assertThat(walk.job()).as("restart opened the pipeline afresh, without a job").isNull();
    }

    @Test
    void lesson2_barrierAlignment() throws Exception {
        walk.open("barrier-alignment");
        walk.run();

        // Pause, then step barrier event by barrier event until the quiet channel into Merge is blocked (the frame
        // loop may also catch one on its own before the pause). The step is then seen, and stays until Next.
        robot.interact(() -> walk.main.live().pausedProperty().set(true));
        for (int i = 0; i < 200 && !LessonWalk.call(() -> walk.lesson().nextSuggestedProperty().get()); i++) {
            robot.interact(() -> walk.main.live().step());
            walk.await("the step to end", () -> !walk.job().isStepping());
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> walk.session.refresh());
        }
        assertThat(walk.stepId()).as("a blocked channel is seen; the step stays").isEqualTo("blocked");
        robot.interact(() -> walk.main.live().pausedProperty().set(false));
        walk.step("blocked", null);

        walk.step("at-least-once", () -> walk.main.live().barrierModeProperty().set(BarrierMode.AT_LEAST_ONCE));
        // As the next step asks: pause as soon as the checkpoint is seen, so that the failure restores that one.
        walk.await("an at-least-once checkpoint that read past a barrier", () -> LessonWalk.call(
                () -> walk.lesson().nextSuggestedProperty().get()));
        robot.interact(() -> walk.main.live().pausedProperty().set(true));
        CheckpointStats seen = walk.lastCompleted();
        assertThat(seen.atLeastOnce()).as("the step waited for a checkpoint taken at-least-once").isTrue();
        assertThat(seen.alignmentMillis()).as("while Merge read the quiet channel past its barrier")
                .isGreaterThanOrEqualTo(100);
        walk.step("checkpoint", null);
        walk.step("fail", () -> walk.main.live().injectFailure(new SubtaskKey("count", 1)));
        walk.await("the restore", () -> !walk.snapshot().restarts().isEmpty());
        robot.interact(() -> walk.main.live().pausedProperty().set(false));
        walk.step("restored", null);
        assertThat(walk.snapshot().restarts()).last().as("the paused job restored the checkpoint the step saw")
                .satisfies(r -> assertThat(r.restoredCheckpointId()).isEqualTo(seen.id()));

        // As the step says: full speed, or reading the input takes minutes.
        walk.step("finished", () -> walk.main.live().speedProperty().set(1.0));
        assertThat(walk.job().status()).isEqualTo(JobStatus.FINISHED);
        assertThat(walk.job().checkDelivery()).as("what the Output tab shows, as the question says: duplicates")
                .singleElement().satisfies(d -> {
                    assertThat(d.assessment().outcome()).isEqualTo(DeliveryVerdict.Outcome.DUPLICATES);
                    assertThat(d.duplicates()).isPositive();
                });
        walk.answer(3, 2);
    }

    @Test
    void lesson3_unalignedCheckpoints() throws Exception {
        walk.open("unaligned-checkpoints");
        walk.run();
        walk.step("aligned", null);
        assertThat(walk.lastCompleted().unaligned()).isFalse();
        walk.step("switch", () -> walk.main.live().barrierModeProperty().set(BarrierMode.UNALIGNED));
        walk.step("overtake", null);
        assertThat(walk.lastCompleted().unaligned()).isTrue();
        assertThat(walk.snapshot().checkpoints().stream().filter(c -> c.unaligned())
                .mapToLong(c -> c.persistedInFlight()).max().orElse(0)).isPositive();
        walk.step("timeout", () -> {
            var settings = walk.settings();
            settings.text("alignedTimeout").set("100ms");
            assertThat(settings.apply()).isTrue();
        });
        walk.step("switched", null);
        walk.answer(2, 1);
    }

    @Test
    void lesson4_syncAndAsyncPhases() throws Exception {
        walk.open("sync-and-async-phases");
        walk.run();
        walk.step("phases", null);
        assertThat(walk.lastCompleted().asyncMillis()).isPositive();
        assertThat(walk.stepId()).isEqualTo("flowing");
        long before = walk.lastCompleted().id();
        robot.interact(() -> walk.main.live().triggerCheckpoint());
        walk.await("a checkpoint after the one the step began on", () -> walk.lastCompleted().id() > before);
        assertThat(walk.stepId()).as("a reading step waits for Next, whatever the job does").isEqualTo("flowing");
        robot.clickOn("#lesson-next");
        walk.step("flowing", null);
        walk.step("rocksdb", () -> {
            var settings = walk.settings();
            settings.backendProperty().set(StateBackendKind.ROCKSDB);
            assertThat(settings.redeploy()).isTrue();
        });
        assertThat(walk.job().config().backend()).isEqualTo(StateBackendKind.ROCKSDB);
        walk.step("rocksdb-checkpoint", null);
        walk.answer(1, 2);
    }

    @Test
    void lesson5_stateBackends() throws Exception {
        walk.open("state-backends");
        walk.run();
        walk.step("heap", null);
        assertThat(walk.lastCompleted().checkpointedSize()).isEqualTo(walk.lastCompleted().fullSize());
        walk.step("rocksdb", () -> {
            var settings = walk.settings();
            settings.backendProperty().set(StateBackendKind.ROCKSDB);
            settings.incrementalProperty().set(true);
            assertThat(settings.redeploy()).isTrue();
        });
        walk.step("incremental", null);
        assertThat(walk.job().config().incremental()).isTrue();
        robot.interact(() -> walk.session.triggerSavepoint(r -> { }, p -> { }));
        walk.await("the savepoint", () -> !walk.job().savepoints().isEmpty());
        Stage stateView = walk.openStateView(() -> walk.view.jobPanels().openStateView());
        walk.step("savepoint", () -> LessonWalk.search(stateView, "7"));
        robot.interact(stateView::close);
        walk.answer(1, 2);
    }

    @Test
    void lesson6_savepointsVsCheckpoints_inChinese() throws Exception {
        Locale before = Locale.getDefault();
        Locale uiBefore = org.checkpointlab.views.i18n.Texts.locale();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            org.checkpointlab.views.i18n.Texts.use(Locale.SIMPLIFIED_CHINESE);
            // A window of its own, made while the UI's language is Chinese, as the app is started with LANG=zh_CN.
            robot.interact(() -> walk = new LessonWalk(robot, new Stage(), dir.resolve("savepoints-zh")));
        } finally {
            Locale.setDefault(before);
            org.checkpointlab.views.i18n.Texts.use(uiBefore);
        }
        walk.open("savepoints-vs-checkpoints");
        assertThat(LessonWalk.call(() -> walk.lesson().titleProperty().get())).isEqualTo("启动作业");
        assertThat(LessonWalk.call(() -> walk.lesson().counterProperty().get())).isEqualTo("第 1 步，共 8 步");

        walk.run();
        walk.step("checkpoints", null);
        walk.step("savepoint", () -> walk.session.triggerSavepoint(r -> { }, p -> { }));
        walk.step("stop", () -> walk.session.stopWithSavepoint(false, r -> { }, p -> { }));
        Path savepoint = walk.job().savepoints().get(walk.job().savepoints().size() - 1).path();
        walk.step("restore", () -> walk.session.restore(new SavepointRestore(savepoint, false),
                config -> config.withParallelism(Map.of("count", 3, "output", 3)), started -> { }, problems -> {
                    throw new AssertionError(problems);
                }));
        assertThat(walk.job().pipeline().operator("count").orElseThrow().parallelism()).isEqualTo(3);
        walk.step("restored-checkpoint", null);
        Stage stateView = walk.openStateView(() -> walk.view.jobPanels().openRunningJobState());
        walk.step("find-key", () -> LessonWalk.search(stateView, "checkpoint"));
        assertThat(LessonWalk.call(() -> ((javafx.scene.control.Label) stateView.getScene().lookup("#resultLabel"))
                .getText())).contains("43").contains("128");
        robot.interact(stateView::close);
        walk.answer(1, 2);
        assertThat(LessonWalk.call(() -> walk.lesson().statusProperty().get())).startsWith("\u2713 课程完成");
    }
}
