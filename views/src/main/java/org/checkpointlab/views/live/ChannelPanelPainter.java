package org.checkpointlab.views.live;

import org.checkpointlab.views.i18n.Texts;
import static org.checkpointlab.views.live.ChannelOverlay.BARRIER_WIDTH;
import static org.checkpointlab.views.live.ChannelOverlay.HEADER_HEIGHT;
import static org.checkpointlab.views.live.ChannelOverlay.LABEL_WIDTH;
import static org.checkpointlab.views.live.ChannelOverlay.PADDING;
import static org.checkpointlab.views.live.ChannelOverlay.PANEL_WIDTH;
import static org.checkpointlab.views.live.ChannelOverlay.SLOT;
import static org.checkpointlab.views.live.ChannelOverlay.SLOT_GAP;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import javafx.geometry.Bounds;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.observe.ChannelElementView;
import org.checkpointlab.model.observe.ChannelSnapshot;
import org.checkpointlab.views.graph.GraphEdge;
import org.checkpointlab.views.live.ChannelOverlay.PanelPlace;
import org.checkpointlab.views.live.ChannelOverlay.RowPlace;

/**
 * Draws one channel panel of the {@link ChannelOverlay} onto its canvas, in graph coordinates: the header, and per
 * channel its queue (buffers filled by their records, barriers at their true place, free credits, the sender's open
 * buffer, blocking and persisted buffers), or per receiver a summary row. FX thread only.
 */
final class ChannelPanelPainter {
    private final LiveJobViewModel live;
    private final Font small = Font.font("System", FontWeight.NORMAL, 10.5);
    private final Font smallBold = Font.font("System", FontWeight.BOLD, 10.5);

    ChannelPanelPainter(LiveJobViewModel live) {
        this.live = live;
    }

    /** Draws {@code place}'s panel: its header, and each row as a queue of buffers and barriers or a summary. */
    void paint(GraphicsContext gc, PanelPlace place) {
        GraphEdge edge = place.edge();
        String from = edge.from().id();
        String to = edge.to().id();
        Bounds panel = place.bounds();
        double x0 = panel.getMinX();
        double top = panel.getMinY();
        double height = panel.getHeight();
        boolean aggregatable = place.aggregatable();
        List<ChannelSnapshot> channels = live.channels(from, to);
        List<RowPlace> rowPlaces = place.rows();
        if (place.chained()) {
            gc.setFont(small);
            gc.setFill(LivePalette.TEXT);
            gc.setTextAlign(TextAlignment.CENTER);
            // Two short lines: one long line reached under the cards of a short edge.
            String[] lines = Texts.get("channel.chained").split("\n");
            double lineHeight = 12;
            double y = top + 8; // the first line right under the edge's partitioning label
            for (String line : lines) {
                gc.fillText(line, x0 + PANEL_WIDTH / 2, y);
                y += lineHeight;
            }
            return;
        }
        gc.setFill(LivePalette.PANEL);
        gc.fillRoundRect(x0, top, PANEL_WIDTH, height, 8, 8);
        gc.setStroke(LivePalette.PANEL_BORDER);
        gc.setLineWidth(1);
        gc.strokeRoundRect(x0, top, PANEL_WIDTH, height, 8, 8);
        if (place.header()) {
            gc.setFont(small);
            gc.setFill(LivePalette.TEXT);
            gc.setTextAlign(TextAlignment.LEFT);
            boolean expanded = live.expanded(from, to);
            gc.fillText(abbreviate(edge.from().name()) + " \u2192 " + abbreviate(edge.to().name())
                    + (aggregatable ? Texts.format("channel.header.count", channels.size(),
                            expanded ? "\u25be" : "\u25b8") : ""),
                    x0 + PADDING, top + PADDING + HEADER_HEIGHT / 2 - 1);
        }
        for (RowPlace row : rowPlaces) {
            if (row.row() instanceof ChannelRow.Single single) {
                drawChannel(gc, single.channel(), row.bounds());
            } else if (row.row() instanceof ChannelRow.Summary summary) {
                drawSummary(gc, summary, row.bounds());
            }
        }
    }

    private void drawChannel(GraphicsContext gc, ChannelSnapshot channel, Bounds row) {
        double y = row.getMinY();
        double h = row.getHeight();
        if (channel.blocked()) {
            gc.setFill(LivePalette.BLOCKED_BACKGROUND);
            gc.fillRect(row.getMinX() + 1, y - 1, row.getWidth() - 2, h + 2);
        }
        gc.setFont(small);
        gc.setFill(LivePalette.TEXT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(channel.fromSubtask() + "\u2192" + channel.toSubtask(), row.getMinX() + PADDING, y + h / 2);
        double left = row.getMinX() + LABEL_WIDTH;
        double x = row.getMaxX() - PADDING;
        if (channel.blocked()) {
            gc.setFill(LivePalette.BLOCKED);
            gc.fillRect(x - 3, y - 1, 3, h + 2);
            x -= 3 + SLOT_GAP;
        }
        int hidden = 0;
        boolean persisted = channel.elements().stream()
                .anyMatch(e -> e instanceof ChannelElementView.BufferView b && b.persisted());
        boolean barrierQueued = channel.elements().stream()
                .anyMatch(e -> e instanceof ChannelElementView.BarrierView b && b.unaligned());
        double ghostX = Double.NaN;
        if (persisted && !barrierQueued) {
            // The unaligned barrier overtook the persisted buffers and was taken at the head at once.
            ghostX = x - BARRIER_WIDTH;
            x -= BARRIER_WIDTH + SLOT_GAP;
        }
        double overtakenFrom = Double.NaN;
        for (ChannelElementView element : channel.elements()) {
            double width = element instanceof ChannelElementView.BarrierView ? BARRIER_WIDTH
                    : element instanceof ChannelElementView.EndOfPartitionView ? 4 : SLOT;
            if (x - width < left) {
                hidden++;
                continue;
            }
            if (element instanceof ChannelElementView.BufferView buffer) {
                drawBuffer(gc, x - SLOT, y, h, buffer.records() / (double) Math.max(1, buffer.capacity()),
                        buffer.persisted() ? LivePalette.PERSISTED : LivePalette.BUFFER, buffer.persisted());
                if (buffer.persisted()) {
                    overtakenFrom = x - SLOT;
                }
            } else if (element instanceof ChannelElementView.BarrierView barrier) {
                drawBarrier(gc, x - BARRIER_WIDTH, y, h, barrier.checkpointId(),
                        LivePalette.barrier(barrier.unaligned(), barrier.savepoint()));
            } else {
                gc.setFill(LivePalette.END_OF_PARTITION);
                gc.fillRect(x - 4, y, 4, h);
            }
            x -= width + SLOT_GAP;
        }
        if (!Double.isNaN(ghostX)) {
            drawOvertaking(gc, Double.isNaN(overtakenFrom) ? ghostX : overtakenFrom, ghostX, y, h,
                    receiverCheckpoint(channel));
        }
        gc.setLineDashes(2, 2);
        gc.setStroke(LivePalette.CREDIT);
        for (int i = 0; i < channel.availableCredits() && x - SLOT >= left; i++) {
            gc.strokeRect(x - SLOT + 0.5, y + 1.5, SLOT - 1, h - 3);
            x -= SLOT + SLOT_GAP;
        }
        gc.setLineDashes();
        if (channel.partialRecords() > 0 && x - SLOT - 3 >= left) {
            x -= 3;
            drawBuffer(gc, x - SLOT, y, h, channel.partialRecords() / (double) Math.max(1, channel.bufferSize()),
                    LivePalette.OPEN_BUFFER, false);
        }
        if (hidden > 0) {
            gc.setFill(LivePalette.TEXT);
            gc.fillText("+" + hidden, left - 10, y + h / 2);
        }
    }

    private void drawSummary(GraphicsContext gc, ChannelRow.Summary summary, Bounds row) {
        double y = row.getMinY();
        double h = row.getHeight();
        gc.setFont(small);
        gc.setFill(LivePalette.TEXT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText("\u2192" + summary.toSubtask(), row.getMinX() + PADDING, y + h / 2);
        double barX = row.getMinX() + LABEL_WIDTH - 6;
        double barWidth = 64;
        gc.setStroke(summary.blocked() > 0 ? LivePalette.BLOCKED : LivePalette.CREDIT);
        gc.setLineWidth(summary.blocked() > 0 ? 1.5 : 1);
        gc.strokeRect(barX + 0.5, y + 1.5, barWidth - 1, h - 3);
        gc.setLineWidth(1);
        double used = barWidth * summary.usage();
        double persisted = summary.capacity() == 0 ? 0
                : Math.min(used, barWidth * summary.persisted() / (double) summary.capacity());
        gc.setFill(LivePalette.BUFFER);
        gc.fillRect(barX + barWidth - used, y + 2, used - persisted, h - 4);
        gc.setFill(LivePalette.PERSISTED);
        gc.fillRect(barX + barWidth - persisted, y + 2, persisted, h - 4);
        double x = barX + barWidth + 4;
        if (summary.blocked() > 0) {
            gc.setFill(LivePalette.BLOCKED);
            gc.setFont(smallBold);
            gc.fillText("\u2016" + summary.blocked(), x, y + h / 2);
            x += 14;
        }
        TreeMap<Long, Integer> counts = new TreeMap<>();
        summary.barrierIds().forEach(id -> counts.merge(id, 1, Integer::sum));
        boolean unaligned = summary.unalignedBarriers() > 0;
        for (var entry : counts.entrySet()) {
            if (x + BARRIER_WIDTH > row.getMaxX()) {
                break;
            }
            drawBarrier(gc, x, y, h, entry.getKey(), LivePalette.barrier(unaligned, false));
            x += BARRIER_WIDTH + 1;
            gc.setFont(small);
            gc.setFill(LivePalette.TEXT);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.fillText("\u00d7" + entry.getValue(), x, y + h / 2);
            x += 14;
        }
    }

    private static String abbreviate(String name) {
        return name.length() > 10 ? name.substring(0, 9) + "\u2026" : name;
    }

    private static void drawBuffer(GraphicsContext gc, double x, double y, double h, double fraction, Color color,
                                   boolean emphasised) {
        double inner = h - 3;
        double filled = Math.max(1.5, inner * Math.min(1, fraction));
        gc.setStroke(color);
        gc.setLineWidth(emphasised ? 1.6 : 1);
        gc.strokeRect(x + 0.5, y + 1.5, SLOT - 1, inner);
        gc.setFill(color);
        gc.fillRect(x + 0.5, y + 1.5 + inner - filled, SLOT - 1, filled);
        gc.setLineWidth(1);
    }

    /**
     * The unaligned barrier's jump: it overtook the buffers now marked persisted and was taken at once at the
     * head of the queue, so it is never seen waiting there. It is drawn as an outlined barrier at the head, with
     * the checkpoint id when the receiver is still collecting, and a line from the first buffer it overtook.
     */
    private void drawOvertaking(GraphicsContext gc, double fromX, double barrierX, double y, double h,
                                long checkpointId) {
        gc.setStroke(LivePalette.BARRIER_UNALIGNED);
        gc.setLineWidth(1.5);
        double lineY = y + 1;
        if (fromX < barrierX) {
            gc.strokeLine(fromX, lineY, barrierX, lineY);
        }
        gc.strokeRoundRect(barrierX + 0.75, y - 0.25, BARRIER_WIDTH - 1.5, h + 0.5, 5, 5);
        gc.setLineWidth(1);
        gc.setFill(LivePalette.BARRIER_UNALIGNED);
        gc.setFont(smallBold);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.fillText(checkpointId > 0 ? Long.toString(checkpointId % 100) : "\u00bb", barrierX + BARRIER_WIDTH / 2,
                y + h / 2);
        gc.setTextAlign(TextAlignment.LEFT);
    }

    /** The id of the unaligned checkpoint the channel's receiver is taking, or 0. */
    private long receiverCheckpoint(ChannelSnapshot channel) {
        SubtaskState receiver = live.subtask(channel.toOperator(), channel.toSubtask());
        if (receiver != null && receiver.snapshot().barrierState()
                instanceof BarrierHandlerState.CollectingUnaligned unaligned) {
            return unaligned.checkpointId();
        }
        return 0;
    }

    private void drawBarrier(GraphicsContext gc, double x, double y, double h, long checkpointId, Color color) {
        gc.setFill(color);
        gc.fillRoundRect(x, y - 1, BARRIER_WIDTH, h + 2, 5, 5);
        gc.setFill(Color.WHITE);
        gc.setFont(smallBold);
        gc.setTextAlign(TextAlignment.CENTER);
        String id = checkpointId < 100 ? Long.toString(checkpointId) : String.format(Locale.ROOT, "%d", checkpointId % 100);
        gc.fillText(id, x + BARRIER_WIDTH / 2, y + h / 2);
        gc.setTextAlign(TextAlignment.LEFT);
    }
}
