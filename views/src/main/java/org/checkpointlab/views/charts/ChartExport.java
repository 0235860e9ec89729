package org.checkpointlab.views.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import org.checkpointlab.model.util.AtomicFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;

/**
 * Writes a chart as PNG and its data as CSV. Both are written atomically (a temporary file in the same directory,
 * then moved over the target), so an export never leaves half a file. Works headless.
 */
public final class ChartExport {
    private ChartExport() {
    }

    /** Renders {@code chart} at {@code width}×{@code height} into a PNG file. */
    public static void png(JFreeChart chart, Path file, int width, int height) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            ChartUtils.saveChartAsPNG(tmp.toFile(), chart, width, height);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code csv} (from {@link #xyRows} / {@link #categoryRows}) to {@code file}. */
    public static void csv(String csv, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        AtomicFiles.writeString(file, csv);
    }

    /** Rows {@code group,series,epoch_ms,time,value} of every item with a value, appended to {@code out}. */
    public static void xyRows(StringBuilder out, String group, XYDataset data) {
        for (int s = 0; s < data.getSeriesCount(); s++) {
            String series = String.valueOf(data.getSeriesKey(s));
            for (int i = 0; i < data.getItemCount(s); i++) {
                if (Double.isNaN(data.getYValue(s, i))) {
                    continue; // a break between two lines, not a value
                }
                long x = (long) data.getXValue(s, i);
                out.append(quote(group)).append(',').append(quote(series)).append(',').append(x).append(',')
                        .append(Instant.ofEpochMilli(x)).append(',')
                        .append(number(data.getYValue(s, i))).append('\n');
            }
        }
    }

    /** Rows {@code checkpoint,series,value} of every non-empty cell of {@code data}, appended to {@code out}. */
    public static void categoryRows(StringBuilder out, CategoryDataset data) {
        for (int c = 0; c < data.getColumnCount(); c++) {
            for (int r = 0; r < data.getRowCount(); r++) {
                Number v = data.getValue(r, c);
                if (v != null) {
                    out.append(quote(String.valueOf(data.getColumnKey(c)))).append(',')
                            .append(quote(String.valueOf(data.getRowKey(r)))).append(',')
                            .append(number(v.doubleValue())).append('\n');
                }
            }
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String quote(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
