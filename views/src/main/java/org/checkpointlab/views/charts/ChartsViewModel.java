package org.checkpointlab.views.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.views.session.JobEvent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.category.DefaultCategoryDataset;
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
    /** Markers closer in time than this would have overlapping labels (a label is about 25 s wide at 5 minutes). */
    static final long LABEL_SPREAD_MILLIS = 30_000;
    static final int LABEL_ROWS = 4;
    static final double LABEL_ROW_HEIGHT = 13;
    static final String BACKPRESSURED = "backpressured";
    static final String BUSY = "busy";
    static final String IDLE = "idle";
    static final String[] PHASES = {"start delay", "alignment", "sync", "async"};
    static final String E2E_ALIGNED = "end to end (aligned)";
    static final String E2E_UNALIGNED = "end to end (unaligned)";
    static final String E2E_FAILED = "failed";
    static final String E2E_SAVEPOINT = "savepoint";

    private final long windowMillis;
    private final LongSupplier clock;
    private final OperatorLoadSampler sampler = new OperatorLoadSampler();
    private final Map<String, XYSeriesCollection> backpressure = new LinkedHashMap<>();
    private final XYSeriesCollection emptyBackpressure = loadCollection();
    private final ObservableList<String> operators = FXCollections.observableArrayList();
    private final Map<String, String> operatorNames = new LinkedHashMap<>();
    private final ObjectProperty<String> shownOperator = new SimpleObjectProperty<>(this, "shownOperator");
    private final XYSeriesCollection throughput = new XYSeriesCollection();
    private final DefaultCategoryDataset phases = new DefaultCategoryDataset();
    private final DefaultCategoryDataset endToEnd = new DefaultCategoryDataset();
    private final DefaultCategoryDataset sizes = new DefaultCategoryDataset();
    private final Map<ChartKind, JFreeChart> charts = new EnumMap<>(ChartKind.class);
    private final Set<String> plotted = new HashSet<>();
    private final Set<String> columnKeys = new HashSet<>();
    private final List<ValueMarker> timeMarkers = new ArrayList<>();
    private final List<JobEvent> eventsForNextCheckpoint = new ArrayList<>();
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
        charts.put(ChartKind.BACKPRESSURE, backpressureChart());
        charts.put(ChartKind.THROUGHPUT, throughputChart());
        charts.put(ChartKind.DURATION, durationChart());
        charts.put(ChartKind.SIZE, sizeChart());
        shownOperator.addListener((obs, o, id) -> xyPlot(ChartKind.BACKPRESSURE)
                .setDataset(id == null ? emptyBackpressure : backpressure.getOrDefault(id, emptyBackpressure)));
        events.forEach(this::mark);
        events.addListener((ListChangeListener<JobEvent>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::mark);
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
            case DURATION -> phases.getColumnCount();
            case SIZE -> sizes.getColumnCount();
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
            addCheckpoints(s.checkpoints());
            dropOlderThan(now - windowMillis);
            if (drawing) {
                fireLoadSeriesChanged();
            } // else when drawing is turned on: the plots would recompute their ranges for nobody
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
                ChartExport.categoryRows(out, phases);
                ChartExport.categoryRows(out, endToEnd);
            }
            case SIZE -> {
                out.append("checkpoint,series,bytes\n");
                ChartExport.categoryRows(out, sizes);
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
                data = loadCollection();
                backpressure.put(load.operatorId(), data);
                operatorNames.put(load.operatorId(), load.name());
                operators.add(load.operatorId());
            }
            data.getSeries(BACKPRESSURED).add(now, load.backPressured(), false);
            data.getSeries(BUSY).add(now, load.busy(), false);
            data.getSeries(IDLE).add(now, load.idle(), false);
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
        backpressure.values().forEach(c -> c.getSeries().forEach(x -> announce((XYSeries) x)));
        throughput.getSeries().forEach(x -> announce((XYSeries) x));
    }

    private XYSeries throughputSeries(String operatorId) {
        int index = throughput.getSeriesIndex(operatorId);
        if (index >= 0) {
            return throughput.getSeries(index);
        }
        XYSeries series = silent(new XYSeries(operatorId, true, false));
        throughput.addSeries(series);
        return series;
    }

    private void addCheckpoints(List<CheckpointStats> history) {
        List<CheckpointStats> done = new ArrayList<>();
        for (CheckpointStats c : history) {
            if (c.status() != CheckpointStatus.IN_PROGRESS && !plotted.contains(identity(c))) {
                done.add(c);
            }
        }
        done.sort(Comparator.comparingLong(CheckpointStats::triggerTimestamp));
        for (CheckpointStats c : done) {
            plotted.add(identity(c));
            String key = columnKey(c);
            phases.addValue(Math.max(0, c.startDelayMillis()), PHASES[0], key);
            phases.addValue(Math.max(0, c.alignmentMillis()), PHASES[1], key);
            phases.addValue(Math.max(0, c.syncMillis()), PHASES[2], key);
            phases.addValue(Math.max(0, c.asyncMillis()), PHASES[3], key);
            String mark = c.status() == CheckpointStatus.FAILED ? E2E_FAILED
                    : c.savepoint() ? E2E_SAVEPOINT : c.unaligned() ? E2E_UNALIGNED : E2E_ALIGNED;
            for (String series : new String[] {E2E_ALIGNED, E2E_UNALIGNED, E2E_FAILED, E2E_SAVEPOINT}) {
                endToEnd.addValue(series.equals(mark) ? Long.valueOf(Math.max(0, c.endToEndMillis())) : null,
                        series, key);
            }
            sizes.addValue(Math.max(0, c.checkpointedSize()), "checkpointed", key);
            sizes.addValue(Math.max(0, c.fullSize()), "full", key);
            sizes.addValue(Math.max(0, c.persistedInFlight()), "persisted in-flight", key);
            List<JobEvent> before = eventsForNextCheckpoint.stream()
                    .filter(e -> e.timestampMillis() <= c.triggerTimestamp()).toList();
            if (!before.isEmpty()) {
                eventsForNextCheckpoint.removeAll(before);
                String label = before.stream().map(e -> e.kind().label()).distinct()
                        .reduce((a, b) -> a + ", " + b).orElse("");
                for (ChartKind kind : new ChartKind[] {ChartKind.DURATION, ChartKind.SIZE}) {
                    CategoryMarker marker = new CategoryMarker(key, colour(before.get(0).kind()),
                            new BasicStroke(1.5f));
                    marker.setLabel(label);
                    marker.setDrawAsLine(true);
                    styleMarkerLabel(marker);
                    ((CategoryPlot) charts.get(kind).getPlot()).addDomainMarker(marker, Layer.FOREGROUND);
                }
            }
        }
        while (phases.getColumnCount() > MAX_CHECKPOINTS) {
            Comparable<?> oldest = phases.getColumnKey(0);
            phases.removeColumn(oldest);
            endToEnd.removeColumn(oldest);
            sizes.removeColumn(oldest);
            for (ChartKind kind : new ChartKind[] {ChartKind.DURATION, ChartKind.SIZE}) {
                CategoryPlot plot = (CategoryPlot) charts.get(kind).getPlot();
                java.util.Collection<?> markers = plot.getDomainMarkers(Layer.FOREGROUND);
                if (markers != null) {
                    for (Object m : new ArrayList<>(markers)) {
                        if (((CategoryMarker) m).getKey().equals(oldest)) {
                            plot.removeDomainMarker((Marker) m);
                        }
                    }
                }
            }
        }
    }

    private static String identity(CheckpointStats c) {
        return c.id() + "@" + c.triggerTimestamp();
    }

    /** "#12", "#12 U" (unaligned), "#12 ✗" (failed), "#12 SP" (savepoint); unique even if a new job reuses ids. */
    private String columnKey(CheckpointStats c) {
        String base = "#" + c.id() + (c.status() == CheckpointStatus.FAILED ? " \u2717"
                : c.savepoint() ? " SP" : c.unaligned() ? " U" : "");
        String key = base;
        for (int n = 2; !columnKeys.add(key); n++) {
            key = base + " (" + n + ")";
        }
        return key;
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
        for (ValueMarker m : new ArrayList<>(timeMarkers)) {
            if (m.getValue() < cutoff) {
                timeMarkers.remove(m);
                xyPlot(ChartKind.BACKPRESSURE).removeDomainMarker(m);
                xyPlot(ChartKind.THROUGHPUT).removeDomainMarker(m);
            }
        }
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

    private void mark(JobEvent event) {
        int row = labelRow(event.timestampMillis());
        for (ChartKind kind : new ChartKind[] {ChartKind.BACKPRESSURE, ChartKind.THROUGHPUT}) {
            ValueMarker marker = new ValueMarker(event.timestampMillis(), colour(event.kind()),
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
            marker.setLabel(event.kind().label());
            styleMarkerLabel(marker);
            marker.setLabelOffset(new RectangleInsets(2 + row * LABEL_ROW_HEIGHT, 2, 2, 2));
            xyPlot(kind).addDomainMarker(marker, Layer.FOREGROUND);
            timeMarkers.add(marker);
        }
        eventsForNextCheckpoint.add(event);
    }

    /**
     * The row of a new time marker's label: markers whose labels would overlap (less than {@link #LABEL_SPREAD_MILLIS}
     * apart on the time axis) put their labels in rows one under the other, up to {@link #LABEL_ROWS} rows.
     */
    int labelRow(long timestampMillis) {
        boolean[] taken = new boolean[LABEL_ROWS];
        for (ValueMarker m : timeMarkers) {
            if (Math.abs(m.getValue() - timestampMillis) < LABEL_SPREAD_MILLIS) {
                int row = (int) Math.round((m.getLabelOffset().getTop() - 2) / LABEL_ROW_HEIGHT);
                taken[Math.floorMod(row, LABEL_ROWS)] = true;
            }
        }
        for (int row = 0; row < LABEL_ROWS; row++) {
            if (!taken[row]) {
                return row;
            }
        }
        return timeMarkers.size() / 2 % LABEL_ROWS;
    }

    private static void styleMarkerLabel(Marker marker) {
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        marker.setLabelPaint(marker.getPaint());
    }

    static Color colour(JobEvent.Kind kind) {
        return switch (kind) {
            case FAILURE -> new Color(0xB3362B);
            case RECOVERY -> new Color(0x24A36C);
            case SAVEPOINT -> new Color(0x3478F6);
            case SETTINGS -> new Color(0x8B68D9);
            case RESTORE -> new Color(0xE2891C);
        };
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

    // ---- charts -------------------------------------------------------------------------------------------------

    /**
     * The time series never announce their own changes (each added or dropped point would make the plots
     * recompute their ranges); {@link #fireLoadSeriesChanged} announces them once per snapshot, and only while the
     * charts are drawn.
     */
    private static XYSeries silent(XYSeries series) {
        series.setNotify(false);
        return series;
    }

    /** Announces the changes of a silent series: turning notification on fires one change event. */
    private static void announce(XYSeries series) {
        series.setNotify(true);
        series.setNotify(false);
    }

    private static XYSeriesCollection loadCollection() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(silent(new XYSeries(BACKPRESSURED, true, false)));
        data.addSeries(silent(new XYSeries(BUSY, true, false)));
        data.addSeries(silent(new XYSeries(IDLE, true, false)));
        return data;
    }

    private JFreeChart backpressureChart() {
        NumberAxis y = new NumberAxis("ms per second");
        y.setRange(0, 1000);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        // Flink's job graph colours: backpressured black, busy red, idle blue.
        lines.setSeriesPaint(0, new Color(0x1E2630));
        lines.setSeriesPaint(1, new Color(0xD2453A));
        lines.setSeriesPaint(2, new Color(0x3C7DD9));
        for (int i = 0; i < 3; i++) {
            lines.setSeriesStroke(i, new BasicStroke(i == 0 ? 2.2f : 1.4f));
        }
        XYPlot plot = timePlot(emptyBackpressure, y, lines, "{0}: {2} ms/s at {1}");
        band(plot, 0, 100, new Color(0x24A36C), "OK");
        band(plot, 100, 500, new Color(0xE2A21C), "LOW");
        band(plot, 500, 1000, new Color(0xB3362B), "HIGH");
        return chart(ChartKind.BACKPRESSURE, plot);
    }

    private static void band(XYPlot plot, double from, double to, Color colour, String label) {
        IntervalMarker band = new IntervalMarker(from, to, new Color(colour.getRed(), colour.getGreen(),
                colour.getBlue(), 28));
        band.setLabel(label);
        band.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 10));
        band.setLabelPaint(colour.darker());
        band.setLabelAnchor(RectangleAnchor.RIGHT);
        band.setLabelTextAnchor(TextAnchor.CENTER_RIGHT);
        plot.addRangeMarker(band, Layer.BACKGROUND);
    }

    private JFreeChart throughputChart() {
        NumberAxis y = new NumberAxis("records per second");
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        return chart(ChartKind.THROUGHPUT, timePlot(throughput, y, lines, "{0}: {2} records/s at {1}"));
    }

    private XYPlot timePlot(XYSeriesCollection data, NumberAxis y, XYLineAndShapeRenderer renderer, String tip) {
        DateAxis x = new DateAxis();
        x.setDateFormatOverride(new SimpleDateFormat("HH:mm:ss"));
        // The range follows the data, which is trimmed to the window: a new job does not start as a sliver.
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator(tip, new SimpleDateFormat("HH:mm:ss"),
                NumberFormat.getIntegerInstance()));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        stylePlotBackground(plot);
        return plot;
    }

    private JFreeChart durationChart() {
        NumberAxis y = new NumberAxis("ms");
        // From 0, with room above the tallest bar or end-to-end mark (the marks are a second dataset on this axis).
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.12);
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.06);
        Paint[] phaseColours = {new Color(0xA9B4C2), new Color(0xE2891C), new Color(0xD2453A), new Color(0x3C7DD9)};
        for (int i = 0; i < phaseColours.length; i++) {
            bars.setSeriesPaint(i, phaseColours[i]);
        }
        bars.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{0} of checkpoint {1}: {2} ms",
                NumberFormat.getIntegerInstance()));
        CategoryPlot plot = new CategoryPlot(phases, checkpointAxis(), y, bars);
        LineAndShapeRenderer marks = new LineAndShapeRenderer(false, true);
        marks.setSeriesPaint(0, new Color(0x1E2630));
        marks.setSeriesShape(0, ShapeUtils.createDiamond(4));
        marks.setSeriesPaint(1, new Color(0x8B68D9));
        marks.setSeriesShape(1, ShapeUtils.createUpTriangle(5));
        marks.setSeriesPaint(2, new Color(0xB3362B));
        marks.setSeriesShape(2, ShapeUtils.createDiagonalCross(5, 1.2f));
        marks.setSeriesPaint(3, new Color(0x24A36C));
        marks.setSeriesShape(3, ShapeUtils.createDownTriangle(5));
        marks.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{0} of checkpoint {1}: {2} ms",
                NumberFormat.getIntegerInstance()));
        plot.setDataset(1, endToEnd);
        plot.setRenderer(1, marks);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        stylePlotBackground(plot);
        return chart(ChartKind.DURATION, plot);
    }

    private JFreeChart sizeChart() {
        NumberAxis y = new NumberAxis("size");
        y.setNumberFormatOverride(new ByteFormat());
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setSeriesPaint(0, new Color(0x3478F6));
        bars.setSeriesPaint(1, new Color(0xA9C4F5));
        bars.setSeriesPaint(2, new Color(0x8B68D9));
        bars.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{0} of checkpoint {1}: {2}",
                new ByteFormat()));
        CategoryPlot plot = new CategoryPlot(sizes, checkpointAxis(), y, bars);
        stylePlotBackground(plot);
        return chart(ChartKind.SIZE, plot);
    }

    private static CategoryAxis checkpointAxis() {
        CategoryAxis x = new CategoryAxis("checkpoint");
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        x.setCategoryMargin(0.15);
        return x;
    }

    private static void stylePlotBackground(org.jfree.chart.plot.Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0xD8DEE7));
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xE1E6ED));
            xy.setRangeGridlinePaint(new Color(0xE1E6ED));
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(new Color(0xE1E6ED));
        }
    }

    private static JFreeChart chart(ChartKind kind, org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(kind.title(), new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }
}
