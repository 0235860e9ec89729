package org.checkpointlab.views.charts;

import org.checkpointlab.views.i18n.Texts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The data of the per-checkpoint charts: one column per ended checkpoint (completed or failed), in trigger order,
 * the last {@value ChartsViewModel#MAX_CHECKPOINTS} kept: its phases, its end-to-end duration as a mark of its kind
 * (aligned, unaligned, failed, savepoint) and its sizes. FX thread only.
 */
final class CheckpointColumns {
    static final String[] PHASES = {Texts.get("chart.series.startDelay"), Texts.get("chart.series.alignment"),
        Texts.get("chart.series.sync"), Texts.get("chart.series.async")};
    static final String E2E_ALIGNED = Texts.get("chart.series.e2eAligned");
    static final String E2E_UNALIGNED = Texts.get("chart.series.e2eUnaligned");
    static final String E2E_FAILED = Texts.get("chart.series.failed");
    static final String E2E_SAVEPOINT = Texts.get("chart.series.savepoint");

    private final DefaultCategoryDataset phases = new DefaultCategoryDataset();
    private final DefaultCategoryDataset endToEnd = new DefaultCategoryDataset();
    private final DefaultCategoryDataset sizes = new DefaultCategoryDataset();
    private final Set<String> plotted = new HashSet<>();
    private final Set<String> columnKeys = new HashSet<>();
    private final int maxColumns;

    CheckpointColumns(int maxColumns) {
        this.maxColumns = maxColumns;
    }

    DefaultCategoryDataset phases() {
        return phases;
    }

    DefaultCategoryDataset endToEnd() {
        return endToEnd;
    }

    DefaultCategoryDataset sizes() {
        return sizes;
    }

    /** Adds the checkpoints of {@code history} that ended and are not shown yet; tells {@code markers}. */
    void add(List<CheckpointStats> history, ChartMarkers markers) {
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
            sizes.addValue(Math.max(0, c.checkpointedSize()), Texts.get("chart.series.checkpointed"), key);
            sizes.addValue(Math.max(0, c.fullSize()), Texts.get("chart.series.full"), key);
            sizes.addValue(Math.max(0, c.persistedInFlight()), Texts.get("chart.series.persistedInFlight"), key);
            markers.checkpointAdded(c, key);
        }
        while (phases.getColumnCount() > maxColumns) {
            Comparable<?> oldest = phases.getColumnKey(0);
            phases.removeColumn(oldest);
            endToEnd.removeColumn(oldest);
            sizes.removeColumn(oldest);
            markers.checkpointRemoved(oldest);
        }
    }

    /** Removes every column. */
    void clear() {
        phases.clear();
        endToEnd.clear();
        sizes.clear();
        plotted.clear();
        columnKeys.clear();
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
}
