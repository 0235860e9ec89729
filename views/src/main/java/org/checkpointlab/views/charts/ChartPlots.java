package org.checkpointlab.views.charts;

import org.checkpointlab.views.i18n.Texts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * How the Charts panel's four charts look: axes, renderers, colours (Flink's web UI's where it has them), bands and
 * tool tips, built around the datasets {@link ChartsViewModel} fills. Pure construction, no data.
 */
final class ChartPlots {
    static final String BACKPRESSURED = Texts.get("chart.series.backpressured");
    static final String BUSY = Texts.get("chart.series.busy");
    static final String IDLE = Texts.get("chart.series.idle");

    private ChartPlots() {
    }

    /**
     * The time series never announce their own changes (each added or dropped point would make the plots
     * recompute their ranges); the view model announces them once per snapshot, and only while the charts are
     * drawn.
     */
    static XYSeries silent(XYSeries series) {
        series.setNotify(false);
        return series;
    }

    /** Announces the changes of a silent series: turning notification on fires one change event. */
    static void announce(XYSeries series) {
        series.setNotify(true);
        series.setNotify(false);
    }

    static XYSeriesCollection loadCollection() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(silent(new XYSeries(BACKPRESSURED, true, false)));
        data.addSeries(silent(new XYSeries(BUSY, true, false)));
        data.addSeries(silent(new XYSeries(IDLE, true, false)));
        return data;
    }

    /** Backpressure of one operator over time, with Flink's OK / LOW / HIGH bands; shows {@code empty} first. */
    static JFreeChart backpressureChart(XYSeriesCollection empty) {
        NumberAxis y = new NumberAxis(Texts.get("chart.axis.msPerSecond"));
        y.setRange(0, 1000);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        // Flink's job graph colours: backpressured black, busy red, idle blue.
        lines.setSeriesPaint(0, new Color(0x1E2630));
        lines.setSeriesPaint(1, new Color(0xD2453A));
        lines.setSeriesPaint(2, new Color(0x3C7DD9));
        for (int i = 0; i < 3; i++) {
            lines.setSeriesStroke(i, new BasicStroke(i == 0 ? 2.2f : 1.4f));
        }
        XYPlot plot = timePlot(empty, y, lines, Texts.get("chart.tip.backpressure"));
        // The bands are Flink's levels of the backpressured line only; busy and idle cross them freely.
        band(plot, 0, 100, new Color(0x24A36C), Texts.format("charts.band", "OK"));
        band(plot, 100, 500, new Color(0xE2A21C), Texts.format("charts.band", "LOW"));
        band(plot, 500, 1000, new Color(0xB3362B), Texts.format("charts.band", "HIGH"));
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

    /** Records per second of each operator over time. */
    static JFreeChart throughputChart(XYSeriesCollection throughput) {
        NumberAxis y = new NumberAxis(Texts.get("chart.axis.recordsPerSecond"));
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        return chart(ChartKind.THROUGHPUT, timePlot(throughput, y, lines, Texts.get("chart.tip.throughput")));
    }

    private static XYPlot timePlot(XYSeriesCollection data, NumberAxis y, XYLineAndShapeRenderer renderer, String tip) {
        DateAxis x = new DateAxis();
        x.setDateFormatOverride(new SimpleDateFormat("HH:mm:ss"));
        // The range follows the data, which is trimmed to the window: a new job does not start as a sliver.
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator(tip, new SimpleDateFormat("HH:mm:ss"),
                NumberFormat.getIntegerInstance()));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        stylePlotBackground(plot);
        return plot;
    }

    /** Per checkpoint its phases stacked, and its end-to-end duration as a mark of its kind. */
    static JFreeChart durationChart(DefaultCategoryDataset phases, DefaultCategoryDataset endToEnd) {
        NumberAxis y = new NumberAxis(Texts.get("chart.axis.ms"));
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
        bars.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator(Texts.get("chart.tip.duration"),
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
        marks.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator(Texts.get("chart.tip.duration"),
                NumberFormat.getIntegerInstance()));
        plot.setDataset(1, endToEnd);
        plot.setRenderer(1, marks);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        stylePlotBackground(plot);
        return chart(ChartKind.DURATION, plot);
    }

    /** Per checkpoint its checkpointed, full and persisted in-flight sizes. */
    static JFreeChart sizeChart(DefaultCategoryDataset sizes) {
        NumberAxis y = new NumberAxis(Texts.get("chart.axis.size"));
        y.setNumberFormatOverride(new ByteFormat());
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setSeriesPaint(0, new Color(0x3478F6));
        bars.setSeriesPaint(1, new Color(0xA9C4F5));
        bars.setSeriesPaint(2, new Color(0x8B68D9));
        bars.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator(Texts.get("chart.tip.size"),
                new ByteFormat()));
        CategoryPlot plot = new CategoryPlot(sizes, checkpointAxis(), y, bars);
        stylePlotBackground(plot);
        return chart(ChartKind.SIZE, plot);
    }

    private static CategoryAxis checkpointAxis() {
        CategoryAxis x = new CategoryAxis(Texts.get("chart.axis.checkpoint"));
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
