package org.checkpointlab.views.checkpoints;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.checkpointlab.views.session.Units;

/**
 * The per-subtask timeline of one checkpoint: one bar per subtask on a common scale from the trigger, split into
 * start delay → alignment → sync → async. The slowest subtask's row is marked (pseudo-class {@code :slowest}) and
 * names the phase that held it up, so the subtask that delayed the checkpoint stands out.
 */
public final class CheckpointTimeline extends VBox {
    public static final String STYLE_CLASS = "checkpoint-timeline";
    public static final String ROW = "timeline-row";
    public static final String BAR = "timeline-bar";
    public static final String SEGMENT = "timeline-segment";
    public static final String LEGEND = "timeline-legend";
    public static final javafx.css.PseudoClass SLOWEST = javafx.css.PseudoClass.getPseudoClass("slowest");
    public static final javafx.css.PseudoClass PENDING = javafx.css.PseudoClass.getPseudoClass("pending");

    private final ObservableList<TimelineRow> rows;
    private final VBox body = new VBox();

    public CheckpointTimeline(ObservableList<TimelineRow> rows) {
        this.rows = rows;
        getStyleClass().add(STYLE_CLASS);
        HBox legend = new HBox();
        legend.getStyleClass().add(LEGEND);
        for (TimelineRow.Phase p : TimelineRow.Phase.values()) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll(SEGMENT, phaseClass(p));
            legend.getChildren().add(new Label(p.label(), swatch));
        }
        body.getStyleClass().add("timeline-body");
        getChildren().addAll(legend, body);
        rows.addListener((ListChangeListener<TimelineRow>) c -> rebuild());
        rebuild();
    }

    /** The style class of a phase's segments, e.g. {@code phase-alignment}. */
    public static String phaseClass(TimelineRow.Phase p) {
        return "phase-" + p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private void rebuild() {
        body.getChildren().clear();
        if (rows.isEmpty()) {
            body.getChildren().add(new Label("Select a checkpoint in the history to see its subtasks."));
            return;
        }
        long scale = Math.max(1, rows.stream().mapToLong(TimelineRow::total).max().orElse(1));
        for (TimelineRow r : rows) {
            body.getChildren().add(row(r, scale));
        }
    }

    private HBox row(TimelineRow r, long scale) {
        Label name = new Label(r.label());
        name.getStyleClass().add("timeline-label");
        name.setMinWidth(110);
        name.setPrefWidth(110);
        Pane bar = new Pane();
        bar.getStyleClass().add(BAR);
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.setMinWidth(100);
        bar.setPrefHeight(16);
        long[] lengths = {r.startDelay(), r.alignment(), r.sync(), r.async()};
        TimelineRow.Phase[] phases = TimelineRow.Phase.values();
        List<Region> segments = new java.util.ArrayList<>();
        for (int i = 0; i < phases.length; i++) {
            Region seg = new Region();
            seg.setManaged(false); // placed by layoutSegments on the common scale, not by the Pane
            seg.getStyleClass().addAll(SEGMENT, phaseClass(phases[i]));
            Tooltip.install(seg, new Tooltip(r.label() + " " + phases[i].label() + ": " + Units.millis(lengths[i])));
            segments.add(seg);
            bar.getChildren().add(seg);
        }
        bar.widthProperty().addListener((obs, o, w) -> layoutSegments(segments, lengths, scale, w.doubleValue()));
        bar.heightProperty().addListener((obs, o, h) -> layoutSegments(segments, lengths, scale, bar.getWidth()));
        String detail = r.pending() ? "pending" : Units.millis(r.endToEnd())
                + (r.unaligned() ? "  unaligned" : "")
                + (r.slowest() ? "  \u25c0 slowest: " + r.dominant().label() : "");
        Label total = new Label(detail);
        total.getStyleClass().add("timeline-total");
        total.setMinWidth(190);
        HBox line = new HBox(8, name, bar, total);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(2, 0, 2, 0));
        line.getStyleClass().add(ROW);
        line.pseudoClassStateChanged(SLOWEST, r.slowest());
        line.pseudoClassStateChanged(PENDING, r.pending());
        return line;
    }

    private static void layoutSegments(List<Region> segments, long[] lengths, long scale, double width) {
        double x = 0;
        for (int i = 0; i < segments.size(); i++) {
            double w = width * lengths[i] / scale;
            Region seg = segments.get(i);
            seg.resizeRelocate(x, 2, Math.max(lengths[i] > 0 ? 1 : 0, w), 12);
            x += w;
        }
    }
}
