package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.RestartEvent;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.graph.OperatorCard;
import org.checkpointlab.views.graph.OperatorNode;
import org.checkpointlab.views.live.BarrierMode;
import org.checkpointlab.views.session.FakeJobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window with one owner of the running job, on a fake engine: whoever replaces the job (Run, a restore at
 * another parallelism), graph, status strip, exception history and settings show the same job; a restart shows its
 * countdown; opening another pipeline asks before stopping the job and starts the panels clean.
 */
@ExtendWith(ApplicationExtension.class)
class OneJobOwnerViewTest {
    @TempDir
    static Path dir;

    private final FakeJobClient.Launcher engine = FakeJobClient.Launcher.everyCapability();
    private final AtomicLong wallClock = new AtomicLong(100_000);
    private final List<String> stopQuestions = new ArrayList<>();
    private boolean stopAnswer;
    private Path wordCount;
    private Path broadcast;

    @RegisterExtension
    final MainWindow window = MainWindow.onFakeEngine(engine, () -> dir, wallClock::get, viewModel -> {
        viewModel.useStopPrompt((job, action) -> {
            stopQuestions.add(job + " / " + action);
            return stopAnswer;
        });
        wordCount = write("word-count.json", TestPipelines.wordCount());
        broadcast = write("broadcast.json", TestPipelines.broadcast());
        viewModel.open(wordCount);
    });

    private static Path write(String name, PipelineSpec spec) throws IOException {
        Path file = dir.resolve(name);
        PipelineJson.write(spec, file);
        return file;
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }

    private String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private FakeJobClient run(FxRobot robot) throws Exception {
        assertThat(fx(window.viewModel()::run)).isTrue();
        return engine.last();
    }

    /** Changes the fake job on the FX thread and lets the next frame sample it. */
    private void change(FxRobot robot, Runnable change) {
        robot.interact(() -> {
            change.run();
            window.viewModel().live().refresh(System.nanoTime());
        });
    }

    @Test
    void aRegionRestart_showsRestartingWithItsCountdown_thenTheRecovery(FxRobot robot) throws Exception {
        FakeJobClient job = run(robot);
        change(robot, () -> {
            job.failures.add(new FailureEvent(wallClock.get(), "count", 1, "failure injected into count #1"));
            job.nextRestartAtMillis = wallClock.get() + 1_500; // region failover: the job stays RUNNING
        });
        assertThat(label(robot, "#jobLabel")).startsWith("RESTARTING in 1.5 s (failed region");
        assertThat(label(robot, "#recoveryLabel")).isEqualTo(
                "Restarting the failed region in 1.5 s (restart strategy backoff)");

        change(robot, () -> wallClock.addAndGet(1_000));
        assertThat(label(robot, "#jobLabel")).startsWith("RESTARTING in 0.5 s");

        change(robot, () -> {
            job.restarts.add(new RestartEvent(wallClock.get() - 1_000, wallClock.get() + 500, 3, 1_500));
            job.nextRestartAtMillis = -1;
        });
        assertThat(label(robot, "#jobLabel")).startsWith("RUNNING, attempt 2");
        assertThat(label(robot, "#recoveryLabel")).isEqualTo("Recovered (1 restart), state restored from checkpoint 3");
        @SuppressWarnings("unchecked")
        ListView<Object> history = robot.lookup(".exception-history").queryAs(ListView.class);
        assertThat(history.getItems()).hasSize(2);
    }

    @Test
    void stop_onceAFrameShowsTheJobEnded_saysStopped(FxRobot robot) throws Exception {
        FakeJobClient job = run(robot);
        robot.interact(() -> window.viewModel().live().stop()); // says "Stopping Word count" until then
        change(robot, () -> { });
        assertThat(job.commands).contains("cancel");
        assertThat(label(robot, "#jobLabel")).startsWith("CANCELED");
        assertThat(label(robot, "#announcementLabel")).isEqualTo("Stopped Word count");
    }

    @Test
    void aSavepointWritten_isSaidInTheStatusStrip(FxRobot robot) throws Exception {
        FakeJobClient job = run(robot);
        robot.interact(() -> window.viewModel().session().triggerSavepoint(r -> { }, problems -> {
            throw new AssertionError(problems);
        }));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(job.commands).anyMatch(c -> c.startsWith("savepoint"));
        assertThat(label(robot, "#announcementLabel")).startsWith("Savepoint 1 written to ").contains("(100 B, 5 ms)");

        change(robot, () -> job.checkpoints.add(0, completed(2)));
        assertThat(label(robot, "#announcementLabel")).as("kept a while against routine checkpoint news")
                .startsWith("Savepoint 1 written to ");
        change(robot, () -> {
            wallClock.addAndGet(8_000);
            job.checkpoints.add(0, completed(3));
        });
        assertThat(fx(() -> window.viewModel().live().announcementProperty().get())).startsWith("Checkpoint 3 ");
    }

    private static org.checkpointlab.model.checkpoint.CheckpointStats completed(long id) {
        return new org.checkpointlab.model.checkpoint.CheckpointStats(id,
                org.checkpointlab.model.checkpoint.CheckpointStatus.COMPLETED, false, id * 1000, id * 1000 + 50, 1, 1,
                50, 1, 2, 3, 4, 100, 200, 0, 0, false, null, List.of());
    }

    @Test
    void aFullRestart_countsDownToo(FxRobot robot) throws Exception {
        FakeJobClient job = run(robot);
        change(robot, () -> {
            job.status = JobStatus.RESTARTING;
            job.nextRestartAtMillis = wallClock.get() + 2_000;
        });
        assertThat(label(robot, "#jobLabel")).startsWith("RESTARTING in 2.0 s, attempt 1");
        assertThat(label(robot, "#recoveryLabel")).isEqualTo("Restarting in 2.0 s (restart strategy backoff)");
    }

    @Test
    void aRestoreAtAnotherParallelism_isWhatTheGraphShows(FxRobot robot) throws Exception {
        FakeJobClient before = run(robot);
        robot.interact(() -> window.viewModel().session().restore(new SavepointRestore(dir.resolve("sp-1"), false),
                config -> config.withParallelism(Map.of("count", 3)), started -> { }, problems -> {
                    throw new AssertionError(problems);
                }));
        FakeJobClient after = engine.last();
        assertThat(after).isNotSameAs(before);
        assertThat(before.status).as("the replaced job was cancelled").isEqualTo(JobStatus.CANCELED);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.viewModel().graph().node("count").map(OperatorNode::parallelism)).contains(3);
        assertThat(fx(() -> window.view().graphView().card("count").map(OperatorCard::subtaskBoxes).orElseThrow()
                .size()))
                .isEqualTo(3);
        assertThat(window.viewModel().edits().undoDescription()).contains("Undo Rescale count to 3 via savepoint");
        assertThat(window.viewModel().live().activeProperty().get()).as("the restored job is the one running").isTrue();
    }

    @Test
    void theToolbarsBarrierMode_andTheSettingsForm_showTheSameOption(FxRobot robot) throws Exception {
        FakeJobClient job = run(robot);
        // The toolbar's choice box is bound both ways to this property.
        var barriers = window.viewModel().live().barrierModeProperty();
        robot.interact(() -> barriers.set(BarrierMode.UNALIGNED));
        assertThat(job.checkpointOptions().unaligned()).isTrue();
        assertThat(window.view().jobPanels().settings().unalignedProperty().get()).as("Settings follows the toolbar")
                .isTrue();

        robot.interact(() -> {
            window.view().jobPanels().settings().unalignedProperty().set(false);
            assertThat(window.view().jobPanels().settings().apply()).isTrue();
        });
        assertThat(job.checkpointOptions().unaligned()).isFalse();
        assertThat(barriers.get()).as("the toolbar follows Settings").isEqualTo(BarrierMode.ALIGNED);
    }

    @Test
    void openingAnotherPipelineWhileAJobRuns_asksFirst_andStartsThePanelsClean(FxRobot robot) throws Exception {
        FakeJobClient job = run(robot);
        change(robot, () -> job.failures.add(new FailureEvent(wallClock.get(), "count", 0, "boom")));
        assertThat(window.viewModel().session().history()).hasSize(1);

        stopAnswer = false;
        assertThat(fx(() -> window.viewModel().open(broadcast))).isFalse();
        assertThat(stopQuestions).containsExactly("Word count / opening broadcast.json");
        assertThat(job.status).as("the user said no: the job runs on").isEqualTo(JobStatus.RUNNING);
        assertThat(window.viewModel().statusProperty().get())
                .isEqualTo("Cancelled opening broadcast.json; the job keeps running");
        assertThat(window.viewModel().pipeline().name()).isEqualTo("Word count");

        stopAnswer = true;
        assertThat(fx(() -> window.viewModel().open(broadcast))).isTrue();
        assertThat(job.status).isEqualTo(JobStatus.CANCELED);
        assertThat(window.viewModel().session().job()).isNull();
        assertThat(window.viewModel().session().history()).isEmpty();
        assertThat(window.view().jobPanels().checkpoints().configuration()).as("the checkpoint panel starts clean")
                .isEmpty();
        assertThat(label(robot, "#jobLabel")).isEqualTo("Ready: press Run to start Broadcast");

        assertThat(fx(() -> window.viewModel().open(wordCount))).isTrue();
        assertThat(stopQuestions).as("no job runs: nothing to ask").hasSize(2);
    }
}
