package org.checkpointlab.views.live;

import org.checkpointlab.views.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import org.checkpointlab.model.observe.ChannelElementView;
import org.checkpointlab.model.observe.ChannelSnapshot;
import org.checkpointlab.views.graph.GraphEdge;
import org.checkpointlab.views.graph.OperatorNode;
import org.checkpointlab.views.graph.PipelineGraphView;

/**
 * The channel panels, drawn on one canvas above the graph: for each edge, below its partitioning label, one row
 * per channel (sender subtask to receiver subtask) showing its queue as the engine holds it, head (next to be
 * consumed) on the right next to the receiver: queued buffers filled by their records, barrier markers carrying
 * their checkpoint id in their true place among the buffers, free credits as empty slots, and on the far left the
 * sender's buffer being filled. A channel blocked by alignment gets a red row and a bar at the receiver; buffers
 * persisted by an unaligned checkpoint are magenta. Edges with more than {@link ChannelAggregation#MAX_SINGLE_ROWS}
 * channels show one summary row per receiver until clicked. Chained edges say so.
 *
 * <p>Canvases rather than nodes: hundreds of small shapes change every frame, which a canvas redraws in one pass;
 * one small canvas per panel, so that only panels whose content changed are repainted. Drawing happens in
 * {@link #render()}, once per frame; the panels' places are kept for hit testing ({@link #hit(double, double)}) in
 * graph coordinates.
 */
public final class ChannelOverlay extends Pane {
    /**
     * Panels whose content changed that are redrawn in one frame, the ones drawn longest ago first. JavaFX repaints
     * a whole parent once more than 12 of its children changed; staying below keeps the repaint to the panels.
     */
    static final int MAX_PANEL_REDRAWS_PER_FRAME = 8;
    /** Width of a channel panel in graph pixels. */
    public static final double PANEL_WIDTH = 172;
    static final double ROW_HEIGHT = 16;
    static final double ROW_GAP = 3;
    static final double HEADER_HEIGHT = 15;
    static final double PADDING = 4;
    static final double SLOT = 11;
    static final double SLOT_GAP = 2;
    static final double BARRIER_WIDTH = 18;
    static final double LABEL_WIDTH = 34;
    /** Distance from the edge's label centre to the panel's top. */
    static final double BELOW_LABEL = 13;

    /** Where a panel and its rows are, in graph coordinates, after the last render. */
    public record PanelPlace(GraphEdge edge, Bounds bounds, boolean aggregatable, boolean header, boolean chained,
                             List<RowPlace> rows) {
    }

    /** One row of a panel, in graph coordinates. */
    public record RowPlace(Bounds bounds, ChannelRow row) {
    }

    /** What the pointer is over: a panel and perhaps one of its rows. */
    public record Hit(PanelPlace panel, Optional<ChannelRow> row) {
    }

    private final PipelineGraphView graphView;
    private final LiveJobViewModel live;
    private final java.util.Map<GraphEdge, PanelCanvas> panels = new java.util.HashMap<>();
    private final ChannelPanelPainter painter;
    private final List<PanelPlace> places = new ArrayList<>();
    private long frameNumber;

    public ChannelOverlay(PipelineGraphView graphView, LiveJobViewModel live) {
        this.graphView = graphView;
        this.live = live;
        this.painter = new ChannelPanelPainter(live);
        setMouseTransparent(true);
        setPickOnBounds(false);
    }

    /** Panels drawn by the last render. */
    public List<PanelPlace> places() {
        return List.copyOf(places);
    }

    /** The panel (and row) at a point in graph coordinates. */
    public Optional<Hit> hit(double graphX, double graphY) {
        for (PanelPlace place : places) {
            if (place.bounds().contains(graphX, graphY)) {
                Optional<ChannelRow> row = place.rows().stream().filter(r -> r.bounds().contains(graphX, graphY))
                        .map(RowPlace::row).findFirst();
                return Optional.of(new Hit(place, row));
            }
        }
        return Optional.empty();
    }

    /**
     * Shows every panel from the live view model's last frame. Each panel has its own small canvas, placed in
     * canvas coordinates at device resolution, and is redrawn only when what it shows changed: the renderer then
     * repaints just those panels instead of the whole graph area (which matters with software rendering while
     * the engine keeps every core busy). Panels outside the view are hidden.
     */
    public void render() {
        places.clear();
        if (live.snapshot() == null) {
            panels.values().forEach(p -> p.canvas.setVisible(false));
            return;
        }
        List<GraphEdge> edges = new ArrayList<>(graphView.viewModel().edges());
        edges.sort(java.util.Comparator.comparingDouble(e -> anchor(e)[1]));
        for (GraphEdge edge : edges) {
            place(edge);
        }
        panels.keySet().retainAll(edges);
        // Only when a panel went away: any change of the children list repaints the whole graph area.
        if (getChildren().size() != panels.size()) {
            getChildren().retainAll(panels.values().stream().map(p -> p.canvas).toList());
        }
        double zoom = graphView.zoomProperty().get();
        double viewWidth = getWidth();
        double viewHeight = getHeight();
        java.util.Set<GraphEdge> shown = new java.util.HashSet<>();
        List<PendingRedraw> changed = new ArrayList<>();
        frameNumber++;
        for (PanelPlace place : places) {
            shown.add(place.edge());
            PanelCanvas panel = panels.computeIfAbsent(place.edge(), e -> {
                PanelCanvas created = new PanelCanvas();
                getChildren().add(created.canvas);
                return created;
            });
            Bounds b = place.bounds();
            double x = graphView.panX() + zoom * b.getMinX() - 1;
            double y = graphView.panY() + zoom * b.getMinY() - 1;
            double w = Math.ceil(zoom * b.getWidth()) + 2;
            double h = Math.ceil(zoom * b.getHeight()) + 2;
            boolean visible = x < viewWidth && y < viewHeight && x + w > 0 && y + h > 0;
            panel.canvas.setVisible(visible);
            if (!visible) {
                continue;
            }
            panel.canvas.relocate(Math.floor(x), Math.floor(y));
            Object look = List.of(lookOf(place), zoom, b.getWidth(), b.getHeight());
            PendingRedraw redraw = new PendingRedraw(panel, place, look, x, y, w, h);
            if (panel.canvas.getWidth() != w || panel.canvas.getHeight() != h) {
                draw(redraw, zoom); // resized (zoom, expand): stale content at the new size would be wrong
            } else if (!look.equals(panel.look)) {
                changed.add(redraw);
            }
        }
        // At full speed every panel changes every frame; redrawing them all makes the renderer repaint the whole
        // graph area. Redraw the ones drawn longest ago, a few per frame: each is at most a few frames behind.
        changed.sort(java.util.Comparator.comparingLong(r -> r.panel().drawnAtFrame));
        for (int i = 0; i < Math.min(MAX_PANEL_REDRAWS_PER_FRAME, changed.size()); i++) {
            draw(changed.get(i), zoom);
        }
        panels.forEach((edge, panel) -> {
            if (!shown.contains(edge)) {
                panel.canvas.setVisible(false);
            }
        });
    }

    /** One panel's canvas and what it last drew. */
    private static final class PanelCanvas {
        final Canvas canvas = new Canvas();
        Object look;
        long drawnAtFrame;
    }

    /** A panel to draw at a place in canvas coordinates ({@code x, y} before rounding to whole pixels). */
    private record PendingRedraw(PanelCanvas panel, PanelPlace place, Object look, double x, double y, double w,
                                 double h) {
    }

    private void draw(PendingRedraw r, double zoom) {
        PanelCanvas panel = r.panel();
        panel.canvas.setWidth(r.w());
        panel.canvas.setHeight(r.h());
        panel.look = r.look();
        panel.drawnAtFrame = frameNumber;
        Bounds b = r.place().bounds();
        GraphicsContext gc = panel.canvas.getGraphicsContext2D();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.clearRect(0, 0, r.w(), r.h());
        gc.setTransform(zoom, 0, 0, zoom, 1 - zoom * b.getMinX() + (r.x() - Math.floor(r.x())),
                1 - zoom * b.getMinY() + (r.y() - Math.floor(r.y())));
        gc.setTextBaseline(VPos.CENTER);
        painter.paint(gc, r.place());
    }

    /**
     * What a panel shows, for deciding whether to redraw it: its rows without the ever-growing sent counters, its
     * header, and whether the edge is chained.
     */
    private Object lookOf(PanelPlace place) {
        List<Object> look = new ArrayList<>();
        look.add(place.header());
        look.add(place.chained());
        look.add(live.expanded(place.edge().from().id(), place.edge().to().id()));
        for (RowPlace row : place.rows()) {
            if (row.row() instanceof ChannelRow.Single single) {
                ChannelSnapshot c = single.channel();
                look.add(List.of(c.fromSubtask(), c.toSubtask(), c.elements(), c.partialRecords(), c.blocked(),
                        c.capacity(), c.queuedBuffers()));
            } else {
                look.add(row.row());
            }
        }
        return look;
    }

    /**
     * Works out where an edge's panel goes: centred below the edge's label, pushed down below any panel placed
     * before it that it would overlap (edges converging on one card have their labels close together).
     */
    private void place(GraphEdge edge) {
        String from = edge.from().id();
        String to = edge.to().id();
        double[] anchor = anchor(edge);
        double x0 = anchor[0] - PANEL_WIDTH / 2;
        double top = anchor[1] + BELOW_LABEL;
        if (live.chained(from, to)) {
            places.add(new PanelPlace(edge, new BoundingBox(x0, top - 4, PANEL_WIDTH, 28), false, false, true,
                    List.of())); // two lines of text
            return;
        }
        List<ChannelSnapshot> channels = live.channels(from, to);
        if (channels.isEmpty()) {
            return;
        }
        boolean aggregatable = ChannelAggregation.aggregates(channels.size());
        List<ChannelRow> rows = live.channelRows(from, to);
        // A summarised panel says how many channels it sums up; a panel pushed away from its label says whose it is.
        boolean hasHeader = aggregatable;
        double height = 2 * PADDING + HEADER_HEIGHT + rows.size() * (ROW_HEIGHT + ROW_GAP) - ROW_GAP;
        // Below the panels placed before it and below the cards it would hide under (cards placed close together),
        // until it overlaps neither: each push only moves it down, so this ends.
        boolean moved = true;
        while (moved) {
            moved = false;
            List<Bounds> obstacles = new ArrayList<>();
            places.forEach(other -> obstacles.add(other.bounds()));
            for (OperatorNode node : graphView.viewModel().nodes()) {
                obstacles.add(new BoundingBox(node.x(), node.y(), node.width(), node.height()));
            }
            for (Bounds o : obstacles) {
                boolean overlapsX = x0 < o.getMaxX() && o.getMinX() < x0 + PANEL_WIDTH;
                if (overlapsX && top < o.getMaxY() + 4 && o.getMinY() < top + height) {
                    top = o.getMaxY() + 4;
                    hasHeader = true;
                    moved = true;
                }
            }
        }
        double header = hasHeader ? HEADER_HEIGHT : 0;
        height = 2 * PADDING + header + rows.size() * (ROW_HEIGHT + ROW_GAP) - ROW_GAP;
        Bounds panel = new BoundingBox(x0, top, PANEL_WIDTH, height);
        List<RowPlace> rowPlaces = new ArrayList<>();
        double y = top + PADDING + header;
        for (ChannelRow row : rows) {
            rowPlaces.add(new RowPlace(new BoundingBox(x0, y, PANEL_WIDTH, ROW_HEIGHT), row));
            y += ROW_HEIGHT + ROW_GAP;
        }
        places.add(new PanelPlace(edge, panel, aggregatable, hasHeader, false, rowPlaces));
    }

    /**
     * The centre of the edge's partitioning label: the middle of the edge's first curve, from the upstream card's
     * right side to its first lane, or to the downstream card.
     */
    static double[] anchor(GraphEdge edge) {
        OperatorNode from = edge.from();
        OperatorNode to = edge.to();
        double startX = from.x() + from.width();
        double startY = from.y() + from.height() / 2;
        double endX;
        double endY;
        if (edge.lanes().isEmpty()) {
            endX = to.x();
            endY = to.y() + to.height() / 2;
        } else {
            endX = edge.lanes().get(0).enterX();
            endY = edge.lanes().get(0).y();
        }
        return new double[] {(startX + endX) / 2, (startY + endY) / 2};
    }

    /** The hover text for a channel row: buffers, credits, barriers, blocking, in the words of Flink. */
    public static String describe(GraphEdge edge, ChannelRow row) {
        if (row instanceof ChannelRow.Summary s) {
            return Texts.format("channel.summary", edge.to().name(), s.toSubtask(), s.senders(), edge.from().name(),
                    edge.label(), s.queuedBuffers(), s.capacity(),
                    s.persisted() > 0 ? Texts.format("channel.summary.persisted", s.persisted()) : "",
                    s.barrierIds().isEmpty() ? "" : Texts.format("channel.summary.barriers", s.barrierIds(),
                            s.unalignedBarriers() > 0 ? Texts.get("channel.unaligned") : ""),
                    s.blocked() > 0 ? Texts.format("channel.summary.blocked", s.blocked()) : "");
        }
        ChannelSnapshot c = ((ChannelRow.Single) row).channel();
        StringBuilder text = new StringBuilder();
        text.append(Texts.format("channel.single", edge.from().name(), c.fromSubtask(), edge.to().name(),
                c.toSubtask(), edge.label(), c.queuedBuffers(), c.capacity(), c.availableCredits(),
                c.availableCredits() == 0 ? Texts.get("channel.backpressured") : "", c.partialRecords(),
                c.bufferSize()));
        int position = 0;
        for (ChannelElementView element : c.elements()) {
            if (element instanceof ChannelElementView.BarrierView barrier) {
                text.append(Texts.format("channel.barrier", barrier.savepoint() ? Texts.get("channel.barrier.savepoint")
                        + " " : "", barrier.checkpointId(), Texts.get(barrier.unaligned() ? "channel.unaligned"
                        : "channel.aligned"), position == 0 ? Texts.get("channel.barrier.atHead")
                        : Texts.format("channel.barrier.behind", position)));
            } else if (element instanceof ChannelElementView.BufferView) {
                position++;
            }
        }
        long persisted = c.elements().stream().filter(e -> e instanceof ChannelElementView.BufferView b
                && b.persisted()).count();
        if (persisted > 0) {
            text.append(Texts.format("channel.persisted", persisted));
        }
        if (c.blocked()) {
            text.append(Texts.get("channel.blocked"));
        }
        text.append(Texts.format("channel.sent", String.format(Locale.ROOT, "%,d", c.buffersSent())));
        return text.toString();
    }
}
