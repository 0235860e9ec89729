package org.checkpointlab.views.panels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.checkpointlab.views.panels.PanelsWindow.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.charts.ChartKind;
import org.checkpointlab.views.savepoints.KeyGroupTakeover;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The panels on a real running job (the backpressured sample), driven through their controls: the engine work runs
 * on the calling thread ({@link TaskRunner#sameThread()}), the panels poll as in the app.
 */
@ExtendWith(ApplicationExtension.class)
class JobPanelsTest {
    private static final Path SAMPLE = Path.of("..", "samples", "keyed-count-slow-sink.json");

    @TempDir
    Path dir;

    @RegisterExtension
    final PanelsWindow window = PanelsWindow.withPipelineOpen(TaskRunner.sameThread(),
            () -> atFullSpeed(PipelineLoader.validating().load(SAMPLE)), 760);

    /**
     * The sample at full speed (the sample itself runs at a rate a person can follow, which with the engine's
     * default buffers of 1,024 records makes an aligned checkpoint under backpressure take many seconds):
     * 200,000 records/s per source subtask into a step of 20 µs per record, still backpressured.
     */
    private static PipelineSpec atFullSpeed(PipelineSpec sample) {
        return sample.withOperators(sample.operators().stream().map(o -> switch (o.id()) {
            case "numbers" -> o.withParams(Map.of("count", 0L, "keys", 1000L, "ratePerSecond", 200_000L));
            case "slow" -> o.withParams(Map.of("costMicros", 20L));
            default -> o;
        }).toList());
    }

    private void run(FxRobot robot) {
        robot.interact(() -> {
            window.session().savepointDirectoryProperty().set(dir.resolve("savepoints"));
            window.panels().runOpenPipeline();
            // half speed: still backpressured, lighter on the shared test machine
            window.session().job().setSpeed(0.5);
        });
        assertThat(window.session().job()).isNotNull();
    }

    private List<CheckpointStats> checkpointsTriggeredAfter(long millis) {
        return window.session().job().snapshot().checkpoints().stream()
                .filter(c -> !c.savepoint() && c.triggerTimestamp() >= millis).toList();
    }

    private void showSettings(FxRobot robot) {
        robot.interact(() -> window.tabs().getSelectionModel().select(2));
    }

    @Test
    void changingTheIntervalOnARunningJob_theNextCheckpointsFollowIt(FxRobot robot) throws Exception {
        run(robot);
        assertThat(window.session().job().checkpointOptions().interval()).hasSeconds(2);
        showSettings(robot);
        TextField interval = robot.lookup("#setting-interval").queryAs(TextField.class);
        robot.clickOn(interval);
        robot.interact(interval::selectAll);
        robot.write("250ms");
        assertThat(interval.getText()).isEqualTo("250ms");
        robot.clickOn("#applyButton");
        long applied = System.currentTimeMillis();
        assertThat(window.session().job().checkpointOptions().interval()).hasMillis(250);

        await("4 checkpoints after the change", 20, () -> checkpointsTriggeredAfter(applied).stream()
                .filter(c -> c.status() == CheckpointStatus.COMPLETED).count() >= 4);
        // Each next checkpoint comes 250 ms after the previous trigger, or as soon as the previous one ended if it
        // took longer (max concurrent 1) - never the old 2 s later.
        List<CheckpointStats> next = checkpointsTriggeredAfter(applied);
        for (int i = 1; i < 4; i++) {
            CheckpointStats prev = next.get(i - 1);
            long due = Math.max(prev.triggerTimestamp() + 250, prev.latestAckTimestamp());
            assertThat(next.get(i).triggerTimestamp()).as("trigger of checkpoint %d", next.get(i).id())
                    .isBetween(prev.triggerTimestamp() + 245, due + 1000);
        }
        assertThat(window.session().events())
                .anySatisfy(e -> assertThat(e.description()).contains("interval 2s \u2192 250ms"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.panels().charts().markerLabels(ChartKind.BACKPRESSURE)).contains("settings");
    }

    @Test
    void switchingToUnaligned_nextCheckpointsAreUnaligned(FxRobot robot) throws Exception {
        run(robot);
        showSettings(robot);
        TextField interval = robot.lookup("#setting-interval").queryAs(TextField.class);
        robot.interact(() -> interval.setText("300ms"));
        robot.clickOn(robot.lookup("#setting-unaligned").queryAs(CheckBox.class));
        robot.clickOn("#applyButton");
        long applied = System.currentTimeMillis();
        assertThat(window.session().job().checkpointOptions().unaligned()).isTrue();

        await("an unaligned checkpoint", 20, () -> checkpointsTriggeredAfter(applied).stream()
                .anyMatch(c -> c.status() == CheckpointStatus.COMPLETED && c.unaligned()));
    }

    @Test
    void invalidSettings_areShownAndNotApplied(FxRobot robot) {
        run(robot);
        showSettings(robot);
        TextField interval = robot.lookup("#setting-interval").queryAs(TextField.class);
        robot.interact(() -> interval.setText("-5s"));
        robot.clickOn("#applyButton");
        assertThat(window.panels().settings().problems()).singleElement().asString().contains("'-5s' is negative");
        assertThat(robot.lookup(".problem").queryAll()).isNotEmpty();
        assertThat(window.session().job().checkpointOptions().interval()).hasSeconds(2);
    }

    @Test
    void savepointRestoredAtNewParallelismThroughTheDialog_showsTheKeyGroupTakeover(FxRobot robot)
            throws Exception {
        run(robot);
        JobClient before = window.session().job();
        await("the job running", 10, () -> before.status() == JobStatus.RUNNING);
        AtomicReference<SavepointResult> written = new AtomicReference<>();
        robot.interact(() -> window.session().triggerSavepoint(written::set, p -> {
            throw new AssertionError(p);
        }));
        assertThat(written.get()).isNotNull();
        assertThat(Files.exists(written.get().path().resolve("_metadata.json"))).isTrue();

        AtomicReference<Stage> dialog = new AtomicReference<>();
        robot.interact(() -> dialog.set(window.panels().openRestoreDialog()));
        TableView<?> operators = robot.lookup(".restore-operators").queryAs(TableView.class);
        assertThat(operators.getItems()).hasSize(4);
        // count -> slow -> discard are forward edges: they must keep equal parallelism
        for (String op : List.of("count", "slow", "discard")) {
            Spinner<?> spinner = robot.lookup("#parallelism-" + op).queryAs(Spinner.class);
            robot.clickOn(spinner.lookup(".increment-arrow-button"));
            assertThat(spinner.getValue()).isEqualTo(3);
        }
        robot.clickOn("#restoreButton");

        JobClient after = window.session().job();
        assertThat(after).as(() -> "restore refused: " + robot.lookup(".problem").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList() + " / " + window.session().activity()).isNotSameAs(before);
        assertThat(after.pipeline().operator("count").orElseThrow().parallelism()).isEqualTo(3);
        assertThat(after.config().restore().path()).isEqualTo(written.get().path());
        await("the old job cancelled", 10, () -> before.status().isTerminal());
        TableView<?> takeover = robot.lookup(".restore-takeover").queryAs(TableView.class);
        assertThat(takeover.getItems()).as("count is the only keyed operator").hasSize(3).allSatisfy(row ->
                assertThat(((KeyGroupTakeover) row).operatorId()).isEqualTo("count"));
        assertThat(((KeyGroupTakeover) takeover.getItems().get(1)).sources()).hasSize(2);
        robot.interact(() -> dialog.get().close());
    }

    @Test
    void aBadSavepoint_getsClearErrors_andTheRunningJobIsLeftAsItWas(FxRobot robot) throws Exception {
        run(robot);
        JobClient before = window.session().job();
        Path notASavepoint = Files.createDirectories(dir.resolve("empty"));
        AtomicReference<Stage> dialog = new AtomicReference<>();
        robot.interact(() -> dialog.set(window.panels().openRestoreDialog()));
        TextField path = robot.lookup(".restore-path .text-field").queryAs(TextField.class);
        robot.interact(() -> path.setText(notASavepoint.toString()));
        robot.clickOn("#loadButton");
        assertThat(robot.lookup(".problem").queryAll()).extracting(n -> ((Label) n).getText())
                .anySatisfy(t -> assertThat(t).contains("is not a savepoint").contains("_metadata.json"));
        assertThat(robot.lookup("#restoreButton").queryAs(Node.class).isDisabled()).isTrue();
        assertThat(window.session().job()).isSameAs(before);
        assertThat(before.status()).isEqualTo(JobStatus.RUNNING);
        robot.interact(() -> dialog.get().close());
    }

    @Test
    void chartsReceivePoints_andExportAsPngAndCsv(FxRobot robot) throws Exception {
        run(robot);
        robot.interact(() -> window.tabs().getSelectionModel().select(1));
        await("points on the time charts", 10, () -> window.panels().charts().pointCount(ChartKind.BACKPRESSURE) >= 6
                && window.panels().charts().pointCount(ChartKind.THROUGHPUT) >= 2);
        await("a checkpoint on the checkpoint charts", 15,
                () -> window.panels().charts().pointCount(ChartKind.DURATION) >= 1);
        assertThat(window.panels().charts().operators())
                .containsExactlyInAnyOrder("numbers", "count", "slow", "discard");
        Path png = dir.resolve("out/backpressure.png");
        Path csv = dir.resolve("out/duration.csv");
        robot.interact(() -> {
            try {
                window.panels().charts().exportPng(ChartKind.BACKPRESSURE, png, 800, 400);
                window.panels().charts().exportCsv(ChartKind.DURATION, csv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertThat(header).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("checkpoint,series,ms");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",async,"));
        try (var listing = Files.list(dir.resolve("out"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).as("no temp files left")
                    .containsExactlyInAnyOrder("backpressure.png", "duration.csv");
        }
    }
}
