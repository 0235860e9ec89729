package org.checkpointlab.views.live;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.checkpointlab.views.i18n.Texts;

/**
 * The legend of the live view: every colour and marker of the subtask boxes and the channel panels, with the
 * sentence that explains it (Flink's documentation's words, as in SEMANTICS.md). Built from the same constants the
 * drawing uses ({@link SubtaskColors}, {@link SubtaskPhase}, {@link LivePalette}), so it cannot drift.
 */
public final class LiveLegend {
    /** Style class of the legend, its section titles and entries. */
    public static final String LEGEND = "live-legend";
    public static final String SECTION = "legend-section";
    public static final String ENTRY = "legend-line";

    private LiveLegend() {
    }

    public static VBox build() {
        VBox legend = new VBox(3);
        legend.getStyleClass().add(LEGEND);
        section(legend, Texts.get("legend.colour"));
        entry(legend, swatch(SubtaskColors.IDLE), Texts.get("legend.idle"));
        entry(legend, swatch(SubtaskColors.BUSY), Texts.get("legend.busy"));
        entry(legend, swatch(SubtaskColors.BACKPRESSURED),
                Texts.get("legend.backpressured"));
        entry(legend, swatch(SubtaskColors.fill(500, 0, 500)), Texts.get("legend.shades"));
        entry(legend, ackSwatch(), Texts.get("legend.ack"));
        section(legend, Texts.get("legend.glyph"));
        for (SubtaskPhase phase : SubtaskPhase.values()) {
            if (phase == SubtaskPhase.RUNNING) {
                continue;
            }
            entry(legend, glyph(phase), phase.description());
        }
        section(legend, Texts.get("legend.channels"));
        entry(legend, slot(LivePalette.BUFFER, 1.0, false), Texts.get("legend.buffer"));
        entry(legend, slot(LivePalette.CREDIT, 0, true),
                Texts.get("legend.credit"));
        entry(legend, slot(LivePalette.OPEN_BUFFER, 0.5, false),
                Texts.get("legend.openBuffer"));
        entry(legend, barrier(LivePalette.BARRIER), Texts.get("legend.barrier"));
        entry(legend, barrier(LivePalette.BARRIER_UNALIGNED),
                Texts.get("legend.barrierUnaligned"));
        entry(legend, barrier(LivePalette.BARRIER_SAVEPOINT), Texts.get("legend.barrierSavepoint"));
        entry(legend, slot(LivePalette.PERSISTED, 1.0, false),
                Texts.get("legend.persisted"));
        entry(legend, blocked(), Texts.get("legend.blocked"));
        entry(legend, summaryBar(), Texts.format("legend.summary",
                ChannelAggregation.MAX_SINGLE_ROWS));
        return legend;
    }

    private static void section(VBox legend, String title) {
        Label label = new Label(title);
        label.getStyleClass().add(SECTION);
        label.setWrapText(true); // the sidebar is narrow: a heading wraps instead of ending in "..."
        label.setMinHeight(Region.USE_PREF_SIZE);
        legend.getChildren().add(label);
    }

    private static void entry(VBox legend, Node graphic, String text) {
        Label label = new Label(text, graphic);
        label.getStyleClass().add(ENTRY);
        label.setWrapText(true);
        label.setGraphicTextGap(8);
        legend.getChildren().add(label);
    }

    private static Node swatch(Color color) {
        Rectangle r = new Rectangle(16, 16, color);
        r.setArcWidth(5);
        r.setArcHeight(5);
        return r;
    }

    private static Node ackSwatch() {
        Rectangle r = new Rectangle(14, 14, SubtaskColors.IDLE);
        r.setStroke(LivePalette.ACK);
        r.setStrokeWidth(2.5);
        r.setArcWidth(5);
        r.setArcHeight(5);
        return r;
    }

    private static Node glyph(SubtaskPhase phase) {
        Rectangle r = new Rectangle(16, 16, Color.web("#edf1f6"));
        r.setStroke(Color.web("#98a4b5"));
        r.setArcWidth(5);
        r.setArcHeight(5);
        Text t = new Text(phase.glyph());
        return new StackPane(r, t);
    }

    private static Node slot(Color color, double fill, boolean dashed) {
        Rectangle outline = new Rectangle(10, 12, Color.TRANSPARENT);
        outline.setStroke(color);
        if (dashed) {
            outline.getStrokeDashArray().setAll(2.0, 2.0);
        }
        Rectangle inner = new Rectangle(10, 12 * fill, color);
        StackPane pane = new StackPane(outline, inner);
        StackPane.setAlignment(inner, javafx.geometry.Pos.BOTTOM_CENTER);
        pane.setMinWidth(16);
        return pane;
    }

    private static Node barrier(Color color) {
        Rectangle r = new Rectangle(15, 15, color);
        r.setArcWidth(5);
        r.setArcHeight(5);
        Text t = new Text("n");
        t.setFill(Color.WHITE);
        return new StackPane(r, t);
    }

    private static Node summaryBar() {
        Rectangle outline = new Rectangle(24, 10, Color.TRANSPARENT);
        outline.setStroke(LivePalette.CREDIT);
        Rectangle used = new Rectangle(14, 8, LivePalette.BUFFER);
        StackPane pane = new StackPane(outline, used);
        StackPane.setAlignment(used, javafx.geometry.Pos.CENTER_RIGHT);
        return pane;
    }

    private static Node blocked() {
        Rectangle bg = new Rectangle(16, 14, LivePalette.BLOCKED_BACKGROUND);
        Rectangle bar = new Rectangle(3, 14, LivePalette.BLOCKED);
        StackPane pane = new StackPane(bg, bar);
        StackPane.setAlignment(bar, javafx.geometry.Pos.CENTER_RIGHT);
        return pane;
    }
}
