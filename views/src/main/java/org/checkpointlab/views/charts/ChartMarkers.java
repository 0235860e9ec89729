package org.checkpointlab.views.charts;

import org.checkpointlab.views.i18n.Texts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.views.session.JobEvent;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The job events marked on the charts: a dashed line at its time on the time charts (labels that would overlap go
 * in rows one under the other) and a line before the first checkpoint triggered after it on the checkpoint charts.
 * FX thread only.
 */
final class ChartMarkers {
    /** Markers closer in time than this would have overlapping labels (a label is about 25 s wide at 5 minutes). */
    static final long LABEL_SPREAD_MILLIS = 30_000;
    static final int LABEL_ROWS = 4;
    static final double LABEL_ROW_HEIGHT = 13;

    private final List<XYPlot> timePlots;
    private final List<CategoryPlot> checkpointPlots;
    private final List<ValueMarker> timeMarkers = new ArrayList<>();
    private final List<JobEvent> eventsForNextCheckpoint = new ArrayList<>();

    ChartMarkers(List<XYPlot> timePlots, List<CategoryPlot> checkpointPlots) {
        this.timePlots = List.copyOf(timePlots);
        this.checkpointPlots = List.copyOf(checkpointPlots);
    }

    /** Marks {@code event} on the time charts now, and on the checkpoint charts at the next checkpoint after it. */
    void mark(JobEvent event) {
        int row = labelRow(event.timestampMillis());
        for (XYPlot plot : timePlots) {
            ValueMarker marker = new ValueMarker(event.timestampMillis(), colour(event.kind()),
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
            marker.setLabel(label(event));
            styleLabel(marker);
            marker.setLabelOffset(new RectangleInsets(2 + row * LABEL_ROW_HEIGHT, 2, 2, 2));
            plot.addDomainMarker(marker, Layer.FOREGROUND);
            timeMarkers.add(marker);
        }
        eventsForNextCheckpoint.add(event);
    }

    /** A checkpoint was added as column {@code key}: the events before its trigger are marked there. */
    void checkpointAdded(CheckpointStats c, String key) {
        List<JobEvent> before = eventsForNextCheckpoint.stream()
                .filter(e -> e.timestampMillis() <= c.triggerTimestamp()).toList();
        if (before.isEmpty()) {
            return;
        }
        eventsForNextCheckpoint.removeAll(before);
        String label = before.stream().map(ChartMarkers::label).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("");
        for (CategoryPlot plot : checkpointPlots) {
            CategoryMarker marker = new CategoryMarker(key, colour(before.get(0).kind()), new BasicStroke(1.5f));
            marker.setLabel(label);
            marker.setDrawAsLine(true);
            styleLabel(marker);
            plot.addDomainMarker(marker, Layer.FOREGROUND);
        }
    }

    /**
     * The text beside an event's marker: its kind, except for a settings change that switched the barriers
     * (checkpointing mode or unaligned), which says to what: "barriers: unaligned", "barriers: at-least-once".
     */
    static String label(JobEvent event) {
        if (event.kind() != JobEvent.Kind.SETTINGS) {
            return event.kind().label();
        }
        String mode = null;
        String unaligned = null;
        // the session describes a change as "key was → is, key was → is"
        for (String change : event.description().split(", ")) {
            String[] words = change.split(" ");
            String now = words[words.length - 1];
            if (change.startsWith("mode ")) {
                mode = now;
            } else if (change.startsWith("unaligned ")) {
                unaligned = now;
            }
        }
        if ("at-least-once".equals(mode)) {
            return Texts.get("chart.marker.barriersAtLeastOnce");
        }
        if (unaligned != null) {
            return Texts.get("true".equals(unaligned) ? "chart.marker.barriersUnaligned" : "chart.marker.barriersAligned");
        }
        return mode != null ? Texts.get("chart.marker.barriersAligned") : event.kind().label();
    }

    /** Column {@code key} left the checkpoint charts: so does its marker. */
    void checkpointRemoved(Comparable<?> key) {
        for (CategoryPlot plot : checkpointPlots) {
            java.util.Collection<?> markers = plot.getDomainMarkers(Layer.FOREGROUND);
            if (markers != null) {
                for (Object m : new ArrayList<>(markers)) {
                    if (((CategoryMarker) m).getKey().equals(key)) {
                        plot.removeDomainMarker((Marker) m);
                    }
                }
            }
        }
    }

    /** Drops the time markers before {@code cutoff} (they left the window). */
    void dropOlderThan(long cutoff) {
        for (ValueMarker m : new ArrayList<>(timeMarkers)) {
            if (m.getValue() < cutoff) {
                timeMarkers.remove(m);
                timePlots.forEach(p -> p.removeDomainMarker(m));
            }
        }
    }

    /** Removes every marker, and forgets the events waiting for a checkpoint. */
    void clear() {
        timeMarkers.forEach(m -> timePlots.forEach(p -> p.removeDomainMarker(m)));
        timeMarkers.clear();
        checkpointPlots.forEach(CategoryPlot::clearDomainMarkers);
        eventsForNextCheckpoint.clear();
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

    private static void styleLabel(Marker marker) {
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
            case RESCALE -> new Color(0x1C9FB0);
        };
    }
}
