package org.checkpointlab.views.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.checkpointlab.views.charts.OperatorLoadSamplerTest.subtask;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.views.session.JobEvent;
import org.junit.jupiter.api.Test;

class ChartsViewModelTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SimpleObjectProperty<JobSnapshot> snapshots = new SimpleObjectProperty<>();
    private final ObservableList<JobEvent> events = FXCollections.observableArrayList();
    private final ChartsViewModel charts = new ChartsViewModel(snapshots, events, Duration.ofSeconds(10), now::get);
    private long nanos = 1_000_000_000L;

    private void publish(long records, List<CheckpointStats> checkpoints) {
        publish(JobStatus.RUNNING, records, checkpoints);
    }

    private void publish(JobStatus status, long records, List<CheckpointStats> checkpoints) {
        nanos += 500_000_000L;
        snapshots.set(new JobSnapshot(nanos, status, 0,
                List.of(subtask("src", 0, 0, records, 200, 700, 100)), List.of(), checkpoints, List.of(), List.of(),
                -1, false, 1.0));
    }

    private static CheckpointStats stats(long id, CheckpointStatus status, boolean unaligned, long trigger) {
        return new CheckpointStats(id, status, false, trigger, trigger + 40, 1, 1, 40, 2, 5, 20, 10, 1000, 4000, 0,
                512, unaligned, null, List.of());
    }

    @Test
    void everySnapshotAddsAPointPerSeries_andTheMostBackpressuredOperatorIsShown() {
        publish(0, List.of());
        now.addAndGet(500);
        publish(500, List.of());
        assertThat(charts.pointCount(ChartKind.BACKPRESSURE)).isEqualTo(6);
        assertThat(charts.pointCount(ChartKind.THROUGHPUT)).as("a rate needs two samples").isEqualTo(1);
        assertThat(charts.shownOperatorProperty().get()).isEqualTo("src");
        assertThat(charts.csv(ChartKind.THROUGHPUT)).contains("throughput,src," + now.get() + ",");
    }

    @Test
    void hiddenCharts_collectPointsWithoutAnnouncingThem_andAnnounceThemWhenShown() {
        publish(0, List.of());
        org.jfree.data.xy.XYDataset shown = charts.chart(ChartKind.BACKPRESSURE).getXYPlot().getDataset();
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        shown.addChangeListener(e -> changes.incrementAndGet());

        charts.setDrawing(false);
        for (int i = 1; i <= 3; i++) {
            now.addAndGet(500);
            publish(i * 500, List.of());
        }
        assertThat(changes).as("nobody sees the plots: their ranges are not recomputed").hasValue(0);
        assertThat(charts.pointCount(ChartKind.BACKPRESSURE)).isEqualTo(12);

        charts.setDrawing(true);
        int onShow = changes.get();
        now.addAndGet(500);
        publish(2_000, List.of());

        assertThat(onShow).as("shown: the points collected meanwhile are announced").isPositive();
        assertThat(changes.get() - onShow).as("one announcement per series and snapshot").isEqualTo(3);
    }

    /** The backpressured series of the shown operator: its y values in order, NaN for a break. */
    private List<Double> backpressuredValues() {
        org.jfree.data.xy.XYDataset data = charts.chart(ChartKind.BACKPRESSURE).getXYPlot().getDataset();
        List<Double> values = new java.util.ArrayList<>();
        for (int i = 0; i < data.getItemCount(0); i++) {
            values.add(data.getYValue(0, i));
        }
        return values;
    }

    @Test
    void noLineIsDrawnThroughTheTimeAfterAJobEnded_untilTheNextJobRuns() {
        publish(0, List.of());
        now.addAndGet(500);
        publish(500, List.of());
        now.addAndGet(500);
        publish(JobStatus.CANCELED, 500, List.of());
        now.addAndGet(4_000);
        publish(JobStatus.CANCELED, 500, List.of());
        now.addAndGet(500);
        publish(0, List.of());

        List<Double> values = backpressuredValues();
        assertThat(values).hasSize(4);
        assertThat(values.get(2)).as("one break after the job ended, none for its later snapshots").isNaN();
        assertThat(values.get(3)).isNotNaN();
        assertThat(charts.pointCount(ChartKind.BACKPRESSURE)).as("a break is not a point").isEqualTo(9);
        assertThat(charts.csv(ChartKind.BACKPRESSURE)).doesNotContain("NaN");
    }

    @Test
    void clear_startsTheChartsClean_forTheNextPipeline() {
        events.add(new JobEvent(now.get() - 100, JobEvent.Kind.FAILURE, "count #1 failed"));
        publish(0, List.of(stats(1, CheckpointStatus.COMPLETED, false, now.get())));
        now.addAndGet(500);
        publish(500, List.of(stats(1, CheckpointStatus.COMPLETED, false, now.get() - 500)));
        assertThat(charts.pointCount(ChartKind.THROUGHPUT)).isPositive();
        assertThat(charts.pointCount(ChartKind.DURATION)).isEqualTo(1);
        assertThat(charts.markerLabels(ChartKind.THROUGHPUT)).isNotEmpty();

        charts.clear();

        for (ChartKind kind : ChartKind.values()) {
            assertThat(charts.pointCount(kind)).as(kind.name()).isZero();
            assertThat(charts.markerLabels(kind)).as(kind.name()).isEmpty();
        }
        assertThat(charts.operators()).isEmpty();
        assertThat(charts.shownOperatorProperty().get()).isNull();

        now.addAndGet(500);
        publish(0, List.of(stats(1, CheckpointStatus.COMPLETED, false, now.get())));
        assertThat(charts.pointCount(ChartKind.BACKPRESSURE)).as("the next job's first sample").isEqualTo(3);
        assertThat(charts.pointCount(ChartKind.DURATION)).as("checkpoint 1 of the next job").isEqualTo(1);
        assertThat(charts.shownOperatorProperty().get()).isEqualTo("src");
    }

    @Test
    void aBarrierModeSwitch_isMarkedWithTheNewMode_otherSettingsAsSettings() {
        events.add(new JobEvent(100_000, JobEvent.Kind.SETTINGS, "unaligned false \u2192 true"));
        events.add(new JobEvent(200_000, JobEvent.Kind.SETTINGS, "mode exactly-once \u2192 at-least-once"));
        events.add(new JobEvent(300_000, JobEvent.Kind.SETTINGS,
                "mode at-least-once \u2192 exactly-once, unaligned true \u2192 false"));
        events.add(new JobEvent(400_000, JobEvent.Kind.SETTINGS, "interval 2s \u2192 500ms"));

        assertThat(charts.markerLabels(ChartKind.THROUGHPUT)).containsExactly("barriers: unaligned",
                "barriers: at-least-once", "barriers: aligned", "settings");
        assertThat(charts.markerLabels(ChartKind.BACKPRESSURE)).contains("barriers: unaligned");
    }

    @Test
    void samplesFurtherApartThanTheGap_areNotJoined() {
        ChartsViewModel wide = new ChartsViewModel(snapshots, events, Duration.ofMinutes(5), now::get);
        publish(0, List.of());
        now.addAndGet(ChartsViewModel.GAP_MILLIS + 1);
        publish(10, List.of());
        now.addAndGet(500);
        publish(20, List.of());

        org.jfree.data.xy.XYDataset data = wide.chart(ChartKind.BACKPRESSURE).getXYPlot().getDataset();
        assertThat(data.getItemCount(0)).isEqualTo(4);
        assertThat(data.getYValue(0, 1)).isNaN();
        assertThat(data.getYValue(0, 3)).isNotNaN();
    }

    @Test
    void markersCloseInTime_putTheirLabelsInRowsOneUnderTheOther() {
        events.add(new JobEvent(100_000, JobEvent.Kind.SETTINGS, "a"));
        events.add(new JobEvent(100_500, JobEvent.Kind.SAVEPOINT, "b"));
        events.add(new JobEvent(101_000, JobEvent.Kind.FAILURE, "c"));
        events.add(new JobEvent(200_000, JobEvent.Kind.RECOVERY, "d"));

        List<Double> tops = new java.util.ArrayList<>();
        for (Object m : charts.chart(ChartKind.THROUGHPUT).getXYPlot()
                .getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
            tops.add(((org.jfree.chart.plot.Marker) m).getLabelOffset().getTop());
        }
        double row = ChartsViewModel.LABEL_ROW_HEIGHT;
        assertThat(tops).containsExactly(2.0, 2 + row, 2 + 2 * row, 2.0);
    }

    @Test
    void durationAxis_startsAtZero_andLeavesRoomAboveTheTallestMark() {
        CheckpointStats tall = new CheckpointStats(1, CheckpointStatus.COMPLETED, false, 100, 2500, 1, 1, 2400, 50,
                5, 2300, 10, 1000, 4000, 0, 0, false, null, List.of());
        publish(0, List.of(stats(2, CheckpointStatus.COMPLETED, false, 50), tall));

        org.jfree.data.Range range = charts.chart(ChartKind.DURATION).getCategoryPlot().getRangeAxis().getRange();
        assertThat(range.getLowerBound()).isZero();
        assertThat(range.getUpperBound()).isGreaterThan(2400 * 1.05);
    }

    @Test
    void twoSnapshotsInTheSameMillisecond_addOnePoint() {
        publish(0, List.of());
        publish(100, List.of());
        assertThat(charts.pointCount(ChartKind.BACKPRESSURE)).isEqualTo(3);
    }

    @Test
    void pointsOlderThanTheWindow_rollOff() {
        publish(0, List.of());
        now.addAndGet(11_000);
        publish(10, List.of());
        assertThat(charts.pointCount(ChartKind.BACKPRESSURE)).isEqualTo(3);
    }

    @Test
    void finishedCheckpointsArePlottedOnce_markedAlignedUnalignedOrFailed() {
        publish(0, List.of(stats(1, CheckpointStatus.IN_PROGRESS, false, 100)));
        assertThat(charts.pointCount(ChartKind.DURATION)).as("in progress: not yet").isZero();
        now.addAndGet(100);
        publish(1, List.of(stats(1, CheckpointStatus.COMPLETED, false, 100),
                stats(2, CheckpointStatus.COMPLETED, true, 200), stats(3, CheckpointStatus.FAILED, false, 300)));
        now.addAndGet(100);
        publish(2, List.of(stats(1, CheckpointStatus.COMPLETED, false, 100),
                stats(2, CheckpointStatus.COMPLETED, true, 200), stats(3, CheckpointStatus.FAILED, false, 300)));
        assertThat(charts.pointCount(ChartKind.DURATION)).isEqualTo(3);
        assertThat(charts.pointCount(ChartKind.SIZE)).isEqualTo(3);
        String csv = charts.csv(ChartKind.DURATION);
        assertThat(csv).contains("#1,end to end (aligned),40", "#2 U,end to end (unaligned),40",
                "#3 \u2717,failed,40", "#1,alignment,20", "#1,async,5");
        assertThat(charts.csv(ChartKind.SIZE)).contains("#2 U,persisted in-flight,512");
    }

    @Test
    void eventsAreMarkedOnTheTimeCharts_andOnTheNextCheckpoint() {
        events.add(new JobEvent(150, JobEvent.Kind.SAVEPOINT, "savepoint 2"));
        events.add(new JobEvent(160, JobEvent.Kind.SETTINGS, "interval 2s -> 1s"));
        assertThat(charts.markerLabels(ChartKind.BACKPRESSURE)).containsExactly("savepoint", "settings");
        assertThat(charts.markerLabels(ChartKind.THROUGHPUT)).containsExactly("savepoint", "settings");
        publish(0, List.of(stats(1, CheckpointStatus.COMPLETED, false, 100),
                stats(4, CheckpointStatus.COMPLETED, false, 400)));
        assertThat(charts.markerLabels(ChartKind.DURATION)).containsExactly("savepoint, settings");
        assertThat(charts.markerLabels(ChartKind.SIZE)).containsExactly("savepoint, settings");
    }
}
