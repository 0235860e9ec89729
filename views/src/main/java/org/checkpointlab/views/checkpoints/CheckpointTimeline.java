package org.checkpointlab.views.checkpoints;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.Units;

/**
 * The per-subtask timeline of one checkpoint: one bar per subtask on a common scale from the trigger, split into
 * start delay → alignment → sync → async, then the rest of its end-to-end time, so that a bar is as long as the
 * time it is labelled with. The slowest subtask's row is marked (pseudo-class {@code :slowest}) and
 * names the phase that held it up, so the subtask that delayed the checkpoint stands out.
 *
 * <p>The rows are a virtualized list: only the rows in view exist as nodes. A job with 80 subtasks would otherwise
 * keep some 700 nodes in the scene, which JavaFX walks on every frame while the live graph animates.
 */
public final class CheckpointTimeline extends VBox {
    public static final String STYLE_CLASS = "checkpoint-timeline";
    public static final String ROW = "timeline-row";
    public static final String BAR = "timeline-bar";
    public static final String SEGMENT = "timeline-segment";
    public static final String LEGEND = "timeline-legend";
    public static final String LIST = "timeline-list";
    public static final PseudoClass SLOWEST = PseudoClass.getPseudoClass("slowest");
    public static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    /** Height of one row in pixels. */
    static final double ROW_HEIGHT = 22;

    private final ObservableList<TimelineRow> rows;
    private final ListView<TimelineRow> list = new ListView<>();
    private final Label placeholder = new Label(Texts.get("checkpoints.timeline.placeholder"));
    /** The longest total of the rows shown: every bar is drawn on this scale. */
    private long scale = 1;

    public CheckpointTimeline(ObservableList<TimelineRow> rows) {
        this.rows = rows;
        getStyleClass().add(STYLE_CLASS);
        HBox legend = new HBox();
        legend.getStyleClass().add(LEGEND);
        for (TimelineRow.Phase p : TimelineRow.Phase.values()) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll(SEGMENT, phaseClass(p));
            Label entry = new Label(p.label(), swatch);
            if (p == TimelineRow.Phase.REST) {
                entry.setTooltip(new Tooltip(Texts.get("phase.rest.description")));
            }
            legend.getChildren().add(entry);
        }
        list.getStyleClass().add(LIST);
        list.setFixedCellSize(ROW_HEIGHT);
        list.setFocusTraversable(false);
        list.setPlaceholder(placeholder);
        list.setCellFactory(view -> new RowCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(legend, list);
        rows.addListener((ListChangeListener<TimelineRow>) c -> show());
        show();
    }

    /** The style class of a phase's segments, e.g. {@code phase-alignment}. */
    public static String phaseClass(TimelineRow.Phase p) {
        return "phase-" + p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The rows in the list (all of them, including those scrolled out of view). */
    public List<TimelineRow> shownRows() {
        return list.getItems();
    }

    private void show() {
        scale = Math.max(1, rows.stream().mapToLong(TimelineRow::total).max().orElse(1));
        list.getItems().setAll(rows);
        list.refresh();
    }

    /** "src-a #2: start delay 1 ms, alignment 0 ms, sync 2 ms, async 3 ms", and the rest when there is one. */
    static String tooltipText(TimelineRow r) {
        StringBuilder text = new StringBuilder(r.label()).append(':');
        TimelineRow.Phase[] phases = TimelineRow.Phase.values();
        long[] lengths = r.lengths();
        for (int i = 0; i < phases.length; i++) {
            if (phases[i] != TimelineRow.Phase.REST || lengths[i] > 0) {
                text.append(i == 0 ? " " : ", ").append(phases[i].label()).append(' ')
                        .append(Units.millis(lengths[i]));
            }
        }
        return text.toString();
    }

    /** One subtask's row: its name, its bar and its total; the nodes are reused as the list scrolls. */
    private final class RowCell extends ListCell<TimelineRow> {
        private final Label name = new Label();
        private final Pane bar = new Pane();
        private final List<Region> segments = new ArrayList<>();
        private final Label total = new Label();
        private final HBox line = new HBox(8, name, bar, total);
        private Tooltip tooltip;

        RowCell() {
            getStyleClass().add("timeline-cell");
            name.getStyleClass().add("timeline-label");
            name.setMinWidth(110);
            name.setPrefWidth(110);
            bar.getStyleClass().add(BAR);
            HBox.setHgrow(bar, Priority.ALWAYS);
            bar.setMinWidth(100);
            bar.setPrefHeight(16);
            for (TimelineRow.Phase phase : TimelineRow.Phase.values()) {
                Region seg = new Region();
                seg.setManaged(false); // placed by layoutSegments on the common scale, not by the Pane
                seg.getStyleClass().addAll(SEGMENT, phaseClass(phase));
                segments.add(seg);
                bar.getChildren().add(seg);
            }
            bar.widthProperty().addListener((obs, o, w) -> layoutSegments());
            total.getStyleClass().add("timeline-total");
            total.setMinWidth(190);
            line.setAlignment(Pos.CENTER_LEFT);
            line.setPadding(new Insets(2, 0, 2, 0));
            line.getStyleClass().add(ROW);
            setText(null);
            // A tooltip is a window of its own: made on the first hover, then reused for whatever row this shows.
            setOnMouseEntered(event -> {
                if (tooltip == null && getItem() != null) {
                    tooltip = new Tooltip(tooltipText(getItem()));
                    setTooltip(tooltip);
                }
            });
        }

        @Override
        protected void updateItem(TimelineRow r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            name.setText(r.label());
            total.setText(r.pending() ? Texts.get("checkpoints.timeline.pending") : Units.millis(r.endToEnd())
                    + (r.unaligned() ? Texts.get("checkpoints.timeline.unaligned") : "")
                    + (!r.slowest() ? "" : r.dominant() == null ? Texts.get("checkpoints.timeline.slowestOnly")
                            : Texts.format("checkpoints.timeline.slowest", r.dominant().label())));
            line.pseudoClassStateChanged(SLOWEST, r.slowest());
            line.pseudoClassStateChanged(PENDING, r.pending());
            if (tooltip != null) {
                tooltip.setText(tooltipText(r));
            }
            setGraphic(line);
            layoutSegments();
        }

        private void layoutSegments() {
            TimelineRow r = getItem();
            if (r == null) {
                return;
            }
            long[] lengths = r.lengths();
            double width = bar.getWidth();
            double x = 0;
            for (int i = 0; i < segments.size(); i++) {
                double w = width * lengths[i] / scale;
                segments.get(i).resizeRelocate(x, 2, Math.max(lengths[i] > 0 ? 1 : 0, w), 12);
                x += w;
            }
        }
    }
}
