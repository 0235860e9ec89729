package org.checkpointlab.views.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.checkpointlab.views.charts.OperatorLoadSamplerTest.subtask;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.views.session.JobEvent;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Charts panel scrolled with the mouse wheel while a job runs: the wheel scrolls the panel, and the charts it
 * passes over keep following the job (time axes up to the newest sample, later markers within them, the
 * checkpoint-duration axis from 0); a drag still zooms, and a drag to the left follows the job again. Time is the
 * test's clock; the snapshots are published on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class ChartsViewScrollTest {
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final SimpleObjectProperty<JobSnapshot> snapshots = new SimpleObjectProperty<>();
    private final ObservableList<JobEvent> events = FXCollections.observableArrayList();
    private final List<CheckpointStats> checkpoints = new ArrayList<>();
    private ChartsViewModel charts;
    private ChartsView view;
    private long nanos = 1_000_000_000L;
    private long records;

    @Start
    void start(Stage stage) {
        charts = new ChartsViewModel(snapshots, events, Duration.ofMinutes(5), now::get);
        view = new ChartsView(charts);
        stage.setScene(new Scene(view.root(), 900, 600));
        stage.show();
    }

    /** The job runs on for {@code seconds}: a snapshot every second, a checkpoint of 35 to 60 ms every 2 s. */
    private void runFor(FxRobot robot, int seconds) {
        robot.interact(() -> {
            for (int i = 0; i < seconds; i++) {
                now.addAndGet(1_000);
                nanos += 1_000_000_000L;
                records += 2_000;
                if (i % 2 == 1) {
                    long id = checkpoints.size() + 1;
                    long duration = 35 + id % 26;
                    checkpoints.add(new CheckpointStats(id, CheckpointStatus.COMPLETED, false, now.get() - duration,
                            now.get(), 1, 1, duration, 2, duration - 10, 5, 3, 1000, 4000, 0, 0, false, null,
                            List.of()));
                }
                snapshots.set(new JobSnapshot(nanos, JobStatus.RUNNING, 0,
                        List.of(subtask("count", 0, records, records, 200, 700, 100)), List.of(),
                        List.copyOf(checkpoints), List.of(), List.of(), -1, false, 1.0));
            }
        });
    }

    private Range timeAxis(ChartKind kind) {
        return ((XYPlot) charts.chart(kind).getPlot()).getDomainAxis().getRange();
    }

    private Range durationAxis() {
        return ((CategoryPlot) charts.chart(ChartKind.DURATION).getPlot()).getRangeAxis().getRange();
    }

    @Test
    void theWheelOverTheCharts_scrollsThePanel_andTheChartsKeepFollowingTheJob(FxRobot robot) {
        runFor(robot, 20);
        assertThat(durationAxis().getLowerBound()).as("the duration axis before scrolling").isZero();
        ScrollPane scroll = robot.lookup(".charts-scroll").queryAs(ScrollPane.class);

        for (ChartKind kind : ChartKind.values()) { // down the panel, the pointer over one chart after the other
            double at = 0.2 * (kind.ordinal() + 1); // room to scroll either way: robots differ in the wheel's sign
            robot.interact(() -> scroll.setVvalue(at));
            robot.moveTo(view.viewer(kind)).scroll(2, VerticalDirection.DOWN);
            assertThat(scroll.getVvalue()).as("the wheel over " + kind + " scrolls the panel").isNotEqualTo(at);
        }

        runFor(robot, 60);
        long failedAt = now.get() - 1_000;
        robot.interact(() -> events.add(new JobEvent(failedAt, JobEvent.Kind.FAILURE, "count #1 failed")));
        runFor(robot, 10);

        SoftAssertions softly = new SoftAssertions();
        for (ChartKind kind : List.of(ChartKind.BACKPRESSURE, ChartKind.THROUGHPUT)) {
            Range shown = timeAxis(kind);
            softly.assertThat(shown.getUpperBound()).as(kind + ": the time axis reaches the newest sample")
                    .isGreaterThanOrEqualTo(now.get());
            softly.assertThat(shown.contains(failedAt)).as(kind + ": the failure's marker is on the time axis")
                    .isTrue();
        }
        softly.assertThat(charts.csv(ChartKind.THROUGHPUT)).contains("," + now.get() + ",");
        softly.assertThat(durationAxis().getLowerBound()).as("the duration axis after scrolling").isZero();
        softly.assertThat(durationAxis().getUpperBound()).as("the duration axis shows the longest checkpoint")
                .isGreaterThanOrEqualTo(60);
        softly.assertAll();
    }

    @Test
    void aDragZoomsATimeChart_andADragToTheLeftFollowsTheJobAgain(FxRobot robot) {
        runFor(robot, 30);
        ScrollPane scroll = robot.lookup(".charts-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(0.3)); // the throughput chart in full view
        Bounds chart = view.viewer(ChartKind.THROUGHPUT).localToScreen(
                view.viewer(ChartKind.THROUGHPUT).getBoundsInLocal());
        double y = chart.getCenterY();

        robot.drag(chart.getMinX() + chart.getWidth() * 0.4, y).dropTo(chart.getMinX() + chart.getWidth() * 0.6, y);
        runFor(robot, 20);
        assertThat(timeAxis(ChartKind.THROUGHPUT).getUpperBound()).as("zoomed in: the axis stays")
                .isLessThan(now.get() - 20_000);

        robot.drag(chart.getMinX() + chart.getWidth() * 0.6, y).dropTo(chart.getMinX() + chart.getWidth() * 0.4, y);
        runFor(robot, 5);
        assertThat(timeAxis(ChartKind.THROUGHPUT).getUpperBound()).as("following the job again")
                .isGreaterThanOrEqualTo(now.get());
    }
}
