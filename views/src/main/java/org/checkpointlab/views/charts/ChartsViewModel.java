package org.checkpointlab.views.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.views.session.JobEvent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The data and charts of the Charts panel, fed from job snapshots at UI rate: backpressure over time per
 * operator (backpressured / busy / idle ms per second, max over subtasks, with Flink's OK / LOW / HIGH bands),
 * throughput per operator, and per checkpoint its duration (start delay, alignment, sync and async stacked, end to
 * end as a mark that tells aligned, unaligned, failed and savepoints apart) and its size (checkpointed, full,
 * persisted in-flight). Time charts roll over the last {@code window}; checkpoint charts keep the last
 * {@value #MAX_CHECKPOINTS} checkpoints. Each {@link JobEvent} is marked on every chart. FX thread only.
 */
public final class ChartsViewModel {
    /** Checkpoints kept in the per-checkpoint charts. */
    public static final int MAX_CHECKPOINTS = 30;
    /**
     * Samples further apart than this are not joined by a line: the time between had no job, or nobody watched it
     * (the panels are updated at least every 3 s while a job runs).
     */
    static final long GAP_MILLIS = 10_000;
    static final double LABEL_ROW_HEIGHT = ChartMarkers.LABEL_ROW_HEIGHT;

    private final long windowMillis;
    private final LongSupplier clock;
    private final OperatorLoadSampler sampler = new OperatorLoadSampler();
    private final Map<String, XYSeriesCollection> backpressure = new LinkedHashMap<>();
    private final XYSeriesCollection emptyBackpressure = ChartPlots.loadCollection();
    private final ObservableList<String> operators = FXCollections.observableArrayList();
    private final Map<String, String> operatorNames = new LinkedHashMap<>();
    private final ObjectProperty<String> shownOperator = new SimpleObjectProperty<>(this, "shownOperator");
    private final XYSeriesCollection throughput = new XYSeriesCollection();
    private final CheckpointColumns checkpoints = new CheckpointColumns(MAX_CHECKPOINTS);
    private final Map<ChartKind, JFreeChart> charts = new EnumMap<>(ChartKind.class);
    private final ChartMarkers markers;
    private boolean drawing = true;
    private long lastSampleMillis = Long.MIN_VALUE;
    /** Whether the time series end in a break (no job ran since): the next sample starts a new line. */
    private boolean broken = true;

    /**
     * @param snapshots the job's latest snapshot; every new one adds a point to each time chart
     * @param events    failures, recoveries, savepoints, settings changes and restores to mark
     * @param window    how much time the time charts show
     */
    public ChartsViewModel(ObservableValue<JobSnapshot> snapshots, ObservableList<JobEvent> events,
                           Duration window) {
        this(snapshots, events, window, System::currentTimeMillis);
    }

    ChartsViewModel(ObservableValue<JobSnapshot> snapshots, ObservableList<JobEvent> events, Duration window,
                    LongSupplier clock) {
        this.windowMillis = window.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        charts.put(ChartKind.BACKPRESSURE, ChartPlots.backpressureChart(emptyBackpressure));
        charts.put(ChartKind.THROUGHPUT, ChartPlots.throughputChart(throughput));
        charts.put(ChartKind.DURATION, ChartPlots.durationChart(checkpoints.phases(), checkpoints.endToEnd()));
        charts.put(ChartKind.SIZE, ChartPlots.sizeChart(checkpoints.sizes()));
        markers = new ChartMarkers(List.of(xyPlot(ChartKind.BACKPRESSURE), xyPlot(ChartKind.THROUGHPUT)),
                List.of((CategoryPlot) charts.get(ChartKind.DURATION).getPlot(),
                        (CategoryPlot) charts.get(ChartKind.SIZE).getPlot()));
        shownOperator.addListener((obs, o, id) -> xyPlot(ChartKind.BACKPRESSURE)
                .setDataset(id == null ? emptyBackpressure : backpressure.getOrDefault(id, emptyBackpressure)));
        events.forEach(markers::mark);
        events.addListener((ListChangeListener<JobEvent>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(markers::mark);
            }
        });
        snapshots.addListener((obs, o, s) -> add(s));
    }

    public JFreeChart chart(ChartKind kind) {
        return charts.get(kind);
    }

    /** Operators seen so far, by id, for choosing which one the backpressure chart shows. */
    public ObservableList<String> operators() {
        return operators;
    }

    /** The display name of an operator (its task name). */
    public String operatorName(String id) {
        return operatorNames.getOrDefault(id, id);
    }

    /** The operator whose backpressure is shown (the most backpressured one until the user picks another). */
    public ObjectProperty<String> shownOperatorProperty() {
        return shownOperator;
    }

    /** How many data points {@code kind} holds now (time charts: over all series; checkpoint charts: columns). */
    public int pointCount(ChartKind kind) {
        return switch (kind) {
            case BACKPRESSURE -> backpressure.values().stream().mapToInt(ChartsViewModel::items).sum();
            case THROUGHPUT -> items(throughput);
            case DURATION -> checkpoints.phases().getColumnCount();
            case SIZE -> checkpoints.sizes().getColumnCount();
        };
    }

    /** The markers on {@code kind}'s time axis (time charts) or checkpoint axis (checkpoint charts). */
    public List<String> markerLabels(ChartKind kind) {
        List<String> labels = new ArrayList<>();
        JFreeChart chart = charts.get(kind);
        java.util.Collection<?> markers = chart.getPlot() instanceof XYPlot xy
                ? xy.getDomainMarkers(Layer.FOREGROUND) : ((CategoryPlot) chart.getPlot())
                .getDomainMarkers(Layer.FOREGROUND);
        if (markers != null) {
            markers.forEach(m -> labels.add(((Marker) m).getLabel()));
        }
        return labels;
    }

    /**
     * Whether the charts redraw as data arrives. Data is collected either way; the window turns drawing off while
     * the charts are hidden (drawing four charts a few times a second is the costliest thing the panels do).
     */
    public void setDrawing(boolean drawing) {
        this.drawing = drawing;
        if (drawing) {
            charts.values().forEach(c -> c.setNotify(false));
            fireLoadSeriesChanged();
        }
        charts.values().forEach(c -> c.setNotify(drawing));
    }

    /** Adds the points of one snapshot. */
    public void add(JobSnapshot s) {
        if (s == null) {
            return;
        }
        long now = clock.getAsLong();
        charts.values().forEach(c -> c.setNotify(false));
        try {
            if (s.status().isTerminal()) {
                // The job ended: its last points stay, and no line is drawn through the time until the next job.
                if (!broken && now > lastSampleMillis) {
                    addBreak(now);
                    lastSampleMillis = now;
                }
            } else if (now > lastSampleMillis) { // two snapshots in one millisecond: the time charts keep the first
                if (!broken && now - lastSampleMillis > GAP_MILLIS && now - 1 > lastSampleMillis) {
                    addBreak(now - 1);
                }
                addLoads(s, now);
                lastSampleMillis = now;
                broken = false;
            }
            checkpoints.add(s.checkpoints(), markers);
            dropOlderThan(now - windowMillis);
            if (drawing) {
                fireLoadSeriesChanged();
            } // else when drawing is turned on: the plots would recompute their ranges for nobody
        } finally {
            charts.values().forEach(c -> c.setNotify(drawing));
        }
    }

    /**
     * Forgets every point, checkpoint column and marker, as when another pipeline opens: the charts start clean
     * for the next job. Events already in the log are not marked again.
     */
    public void clear() {
        charts.values().forEach(c -> c.setNotify(false));
        try {
            shownOperator.set(null);
            backpressure.clear();
            operators.clear();
            operatorNames.clear();
            throughput.removeAllSeries();
            checkpoints.clear();
            markers.clear();
            sampler.reset();
            lastSampleMillis = Long.MIN_VALUE;
            broken = true;
        } finally {
            charts.values().forEach(c -> c.setNotify(drawing));
        }
    }

    /** The data behind {@code kind} as CSV with a header line. */
    public String csv(ChartKind kind) {
        StringBuilder out = new StringBuilder();
        switch (kind) {
            case BACKPRESSURE -> {
                out.append("operator,metric,epoch_ms,time,ms_per_second\n");
                backpressure.forEach((op, data) -> ChartExport.xyRows(out, op, data));
            }
            case THROUGHPUT -> {
                out.append("chart,operator,epoch_ms,time,records_per_second\n");
                ChartExport.xyRows(out, "throughput", throughput);
            }
            case DURATION -> {
                out.append("checkpoint,series,ms\n");
                ChartExport.categoryRows(out, checkpoints.phases());
                ChartExport.categoryRows(out, checkpoints.endToEnd());
            }
            case SIZE -> {
                out.append("checkpoint,series,bytes\n");
                ChartExport.categoryRows(out, checkpoints.sizes());
            }
        }
        return out.toString();
    }

    public void exportPng(ChartKind kind, Path file, int width, int height) throws IOException {
        ChartExport.png(charts.get(kind), file, width, height);
    }

    public void exportCsv(ChartKind kind, Path file) throws IOException {
        ChartExport.csv(csv(kind), file);
    }

    // ---- feeding ------------------------------------------------------------------------------------------------

    private void addLoads(JobSnapshot s, long now) {
        OperatorLoad most = null;
        for (OperatorLoad load : sampler.sample(s)) {
            XYSeriesCollection data = backpressure.get(load.operatorId());
            if (data == null) {
                data = ChartPlots.loadCollection();
                backpressure.put(load.operatorId(), data);
                operatorNames.put(load.operatorId(), load.name());
                operators.add(load.operatorId());
            }
            data.getSeries(ChartPlots.BACKPRESSURED).add(now, load.backPressured(), false);
            data.getSeries(ChartPlots.BUSY).add(now, load.busy(), false);
            data.getSeries(ChartPlots.IDLE).add(now, load.idle(), false);
            if (!Double.isNaN(load.recordsPerSecond())) {
                XYSeries rate = throughputSeries(load.operatorId());
                rate.add(now, load.recordsPerSecond(), false);
            }
            if (most == null || load.backPressured() > most.backPressured()) {
                most = load;
            }
        }
        if (shownOperator.get() == null && most != null) {
            shownOperator.set(most.operatorId());
        }
    }

    /**
     * Ends every time series at {@code x} with a point without value: the renderers draw no line across it, so a
     * gap (no job, or nobody watching) shows as a gap and not as a straight line through it.
     */
    private void addBreak(long x) {
        for (XYSeriesCollection data : backpressure.values()) {
            for (Object series : data.getSeries()) {
                ((XYSeries) series).add(x, null, false);
            }
        }
        for (Object series : throughput.getSeries()) {
            ((XYSeries) series).add(x, null, false);
        }
        broken = true;
    }

    private void fireLoadSeriesChanged() {
        backpressure.values().forEach(c -> c.getSeries().forEach(x -> ChartPlots.announce((XYSeries) x)));
        throughput.getSeries().forEach(x -> ChartPlots.announce((XYSeries) x));
    }

    private XYSeries throughputSeries(String operatorId) {
        int index = throughput.getSeriesIndex(operatorId);
        if (index >= 0) {
            return throughput.getSeries(index);
        }
        XYSeries series = ChartPlots.silent(new XYSeries(operatorId, true, false));
        throughput.addSeries(series);
        return series;
    }

    private void dropOlderThan(long cutoff) {
        for (XYSeriesCollection data : backpressure.values()) {
            for (Object s : data.getSeries()) {
                dropOlderThan((XYSeries) s, cutoff);
            }
        }
        for (Object s : throughput.getSeries()) {
            dropOlderThan((XYSeries) s, cutoff);
        }
        markers.dropOlderThan(cutoff);
    }

    private static void dropOlderThan(XYSeries series, long cutoff) {
        int old = 0;
        while (old < series.getItemCount() && series.getX(old).longValue() < cutoff) {
            old++;
        }
        if (old > 0) {
            series.delete(0, old - 1);
        }
    }

    private XYPlot xyPlot(ChartKind kind) {
        return (XYPlot) charts.get(kind).getPlot();
    }

    /** The data points of {@code data}; the breaks between lines are not points. */
    private static int items(XYSeriesCollection data) {
        int n = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                if (!Double.isNaN(data.getYValue(s, i))) {
                    n++;
                }
            }
        }
        return n;
    }

}
