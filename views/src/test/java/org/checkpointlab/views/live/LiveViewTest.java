package org.checkpointlab.views.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import org.checkpointlab.model.Await;
import org.checkpointlab.model.client.LocalJobClient;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.observe.ChannelElementView;
import org.checkpointlab.model.observe.ChannelSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.views.MainWindow;
import org.checkpointlab.views.graph.OperatorCard;
import org.checkpointlab.views.graph.SubtaskBox;
import org.checkpointlab.views.session.HistoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live view on the real engine: run a sample, see barriers in the channel panels, fail a subtask from its
 * context menu, watch the job restart and the exception history list it.
 */
@ExtendWith(ApplicationExtension.class)
class LiveViewTest {
    @RegisterExtension
    final MainWindow window = MainWindow.onLocalEngine("live-view-savepoints",
            () -> withoutPeriodicCheckpoints(MainWindow.SAMPLES.resolve("two-source-union.json")),
            live -> live.setAckFlashDuration(Duration.ZERO));

    /**
     * The sample with a periodic checkpoint once an hour: the tests trigger their own checkpoint while paused, which a
     * periodic one still in flight at the pause would hold back (at most one checkpoint at a time, as in Flink);
     * checkpointing stays on, so Flink's restart default for checkpointed jobs still applies.
     */
    private static Path withoutPeriodicCheckpoints(Path sample) {
        try {
            var spec = org.checkpointlab.model.pipeline.PipelineJson.read(sample);
            var manual = new org.checkpointlab.model.pipeline.PipelineSpec(spec.format(), spec.name(),
                    spec.operators(), spec.edges(), java.util.Map.of("interval", "1h"), spec.chaining());
            Path file = java.nio.file.Files.createTempDirectory(Path.of("target"), "live-view-")
                    .resolve(sample.getFileName());
            org.checkpointlab.model.pipeline.PipelineJson.write(manual, file);
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private LiveJobViewModel live() {
        return window.viewModel().live();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private static void await(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
    }

    /** The job's source records as counted at each of the next {@code frames} JavaFX frames (pulses). */
    private List<Long> sourceRecordsOverFrames(int frames) {
        List<Long> counted = new CopyOnWriteArrayList<>();
        AnimationTimer probe = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (counted.size() < frames) {
                    counted.add(window.viewModel().session().job().summary().sourceRecords());
                }
            }
        };
        Platform.runLater(probe::start);
        try {
            Await.until(() -> counted.size() >= frames, "the source records over " + frames + " frames");
        } finally {
            Platform.runLater(probe::stop);
        }
        return counted;
    }

    @Test
    void runningASample_colorsTheSubtasks_andABarrierHeldInAPausedJobIsDrawnInItsChannelPanel(FxRobot robot)
            throws Exception {
        robot.clickOn("\u25b6 Run");
        assertThat(fx(() -> live().activeProperty().get())).isTrue();
        assertThat(window.viewModel().session().job().awaitRunning(Duration.ofSeconds(10))).isTrue();
        await(10, () -> live().subtask("count", 0) != null
                && live().subtask("count", 0).fill() != SubtaskColors.UNKNOWN);

        // Paused, the sources still inject barriers but nobody consumes them: the barrier stays in the queues.
        robot.interact(() -> live().pausedProperty().set(true));
        robot.interact(() -> live().triggerCheckpoint());
        await(10, () -> live().channels("fast", "union").stream().anyMatch(LiveViewTest::hasBarrier));

        ChannelSnapshot withBarrier = fx(() -> live().channels("fast", "union").stream()
                .filter(LiveViewTest::hasBarrier).findFirst().orElseThrow());
        ChannelElementView.BarrierView barrier = withBarrier.elements().stream()
                .filter(e -> e instanceof ChannelElementView.BarrierView).map(ChannelElementView.BarrierView.class::cast)
                .findFirst().orElseThrow();
        assertThat(barrier.unaligned()).isFalse();
        await(5, () -> live().channelRows("fast", "union").stream().anyMatch(row -> row instanceof ChannelRow.Single s
                && hasBarrier(s.channel())));
        // The overlay placed a panel with rows for the edge; the hover text of the row holding the barrier names it
        // (the rows the overlay draws from; the overlay itself redraws them in a frame of its own).
        await(5, () -> window.view().liveGraph().overlay().places().stream()
                .anyMatch(p -> p.edge().from().id().equals("fast") && !p.rows().isEmpty()));
        ChannelOverlay.PanelPlace panel = fx(() -> window.view().liveGraph().overlay().places().stream()
                .filter(p -> p.edge().from().id().equals("fast")).findFirst().orElseThrow());
        assertThat(panel.rows()).isNotEmpty();
        String hover = fx(() -> live().channelRows("fast", "union").stream()
                .map(r -> ChannelOverlay.describe(panel.edge(), r))
                .filter(text -> text.contains("barrier " + barrier.checkpointId())).findFirst().orElse(""));
        assertThat(hover).contains("(aligned)");
        assertThat(fx(() -> live().checkpointLineProperty().get()))
                .startsWith("Checkpoint " + barrier.checkpointId());

        robot.interact(() -> live().pausedProperty().set(false));
        await(15, () -> live().acksSeenProperty().get() > 0);
        SubtaskBox countBox = fx(() -> window.view().graphView().card("count").map(OperatorCard::subtaskBoxes)
                .orElseThrow().get(0));
        assertThat(countBox.fill()).isNotNull();
    }

    @Test
    void stepOnAPausedJob_runsToTheNextBarrierEvent_pausesThere_andSaysWhichItWas(FxRobot robot) throws Exception {
        robot.clickOn("\u25b6 Run");
        assertThat(window.viewModel().session().job().awaitRunning(Duration.ofSeconds(10))).isTrue();
        javafx.scene.control.Button step = robot.lookup("\u21e5 Step").queryAs(javafx.scene.control.Button.class);
        assertThat(step.isDisabled()).as("only a paused job steps").isTrue();

        robot.clickOn("\u275a\u275a Pause");
        robot.interact(() -> live().triggerCheckpoint()); // the sources send their barriers while paused
        await(10, () -> live().channels("fast", "union").stream().anyMatch(LiveViewTest::hasBarrier));
        assertThat(step.isDisabled()).isFalse();

        robot.clickOn(step);
        await(10, () -> live().announcementProperty().get().startsWith("Stepped to: "));

        assertThat(fx(() -> live().announcementProperty().get())).matches("Stepped to: barrier \\d+ reached .+");
        assertThat(window.viewModel().session().job().isPaused()).isTrue();
        assertThat(fx(() -> live().pausedProperty().get())).as("the Pause button follows the engine").isTrue();
        // Once every subtask handled mail sent after the step ended, each checks the pause before it emits again.
        Job engine = ((LocalJobClient) window.viewModel().session().job()).job();
        assertThat(engine.awaitControlsApplied(Duration.ofSeconds(10))).isTrue();
        long records = window.viewModel().session().job().summary().sourceRecords();
        // Counted in frames, not time: a running "fast" source (200 records/s) would move within a dozen frames.
        assertThat(sourceRecordsOverFrames(12)).as("paused again at the event").containsOnly(records);
    }

    @Test
    void failingASubtaskFromItsContextMenu_restartsTheJob_andTheExceptionHistoryListsIt(FxRobot robot)
            throws Exception {
        robot.interact(() -> live().run());
        assertThat(window.viewModel().session().job().awaitRunning(Duration.ofSeconds(10))).isTrue();
        await(10, () -> live().subtask("count", 1) != null);

        SubtaskBox box = fx(() -> window.view().graphView().card("count").orElseThrow().subtaskBoxes().get(1));
        robot.rightClickOn(box);
        robot.clickOn(LiveGraph.FAIL_ITEM);

        await(10, () -> live().jobStatusProperty().get() == JobStatus.RESTARTING
                || !window.viewModel().session().job().snapshot().restarts().isEmpty());
        await(20, () -> live().jobStatusProperty().get() == JobStatus.RUNNING
                && live().snapshot().restarts().size() == 1);
        assertThat(fx(() -> live().recoveryLineProperty().get())).containsAnyOf("Recovered", "Restoring");
        @SuppressWarnings("unchecked")
        ListView<HistoryEntry> history = robot.lookup(".exception-history").queryAs(ListView.class);
        assertThat(fx(() -> history.getItems().stream().map(HistoryEntry::text).toList()))
                .anyMatch(text -> text.contains("count #1 failed"))
                .anyMatch(text -> text.contains("restarted after"));
    }

    @Test
    void theFailTool_makesTheNextClickOnASubtaskFailIt_andThenDisarms(FxRobot robot) throws Exception {
        robot.interact(() -> live().run());
        assertThat(window.viewModel().session().job().awaitRunning(Duration.ofSeconds(10))).isTrue();
        robot.clickOn("\u2715 Fail a subtask\u2026");
        assertThat(fx(() -> live().failToolArmedProperty().get())).isTrue();

        SubtaskBox box = fx(() -> window.view().graphView().card("union").orElseThrow().subtaskBoxes().get(0));
        robot.clickOn(box);

        assertThat(fx(() -> live().failToolArmedProperty().get())).isFalse();
        await(10, () -> !window.viewModel().session().job().snapshot().failures().isEmpty());
        assertThat(window.viewModel().session().job().snapshot().failures().get(0).operatorId()).isEqualTo("union");
    }

    @Test
    void clickingASubtask_showsItsMetricsAndState(FxRobot robot) throws Exception {
        robot.interact(() -> live().run());
        assertThat(window.viewModel().session().job().awaitRunning(Duration.ofSeconds(10))).isTrue();
        await(10, () -> live().subtask("count", 0) != null);
        SubtaskBox box = fx(() -> window.view().graphView().card("count").orElseThrow().subtaskBoxes().get(0));
        robot.clickOn(box);
        await(5, () -> live().selectedDetailsProperty().get().contains("records in"));
        assertThat(fx(() -> live().selectedDetailsProperty().get())).startsWith("count #0").contains("state ");
    }

    private static boolean hasBarrier(ChannelSnapshot channel) {
        return channel.elements().stream().anyMatch(e -> e instanceof ChannelElementView.BarrierView);
    }
}
