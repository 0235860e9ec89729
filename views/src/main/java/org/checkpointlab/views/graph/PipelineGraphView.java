package org.checkpointlab.views.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The pipeline graph canvas: operator cards and edges in a scene graph that can be panned (drag the background),
 * zoomed (scroll, with or without Ctrl, around the pointer) and fitted to the window. It draws what its
 * {@link PipelineGraphViewModel} holds and rebuilds when the view model shows another pipeline; cards and edges
 * follow node positions on their own, so redrawing a running job at frame rate means updating node state, not
 * rebuilding.
 *
 * <p>Layers, back to front: edges, cards. Graph coordinates are mapped to the canvas by
 * {@code canvas = translate + zoom * graph}.
 */
public final class PipelineGraphView extends Region {
    /** Smallest and largest zoom factor. */
    public static final double MIN_ZOOM = 0.2;
    public static final double MAX_ZOOM = 3.0;
    /** Largest zoom used by {@link #fitToWindow()}: small pipelines are not blown up beyond this. */
    static final double MAX_FIT_ZOOM = 1.25;
    /** Space kept free around the graph when fitting, in canvas pixels. */
    static final double FIT_MARGIN = 48;
    /** Canvas x and y of the graph origin on an emptied canvas. */
    static final double EMPTY_ORIGIN = 40;
    /** Zoom change per scroll pixel. */
    private static final double ZOOM_PER_PIXEL = 1.0025;

    private final PipelineGraphViewModel viewModel;
    private final Group edgeLayer = new Group();
    private final Group cardLayer = new Group();
    /** Above the cards, in graph coordinates: the editor's ports and rubber bands. */
    private final Group editLayer = new Group();
    /** Edges and cards sit in two groups with the same pan and zoom, so that overlays can go between them. */
    private final Group edgeContent = new Group(edgeLayer);
    private final Group cardContent = new Group(cardLayer, editLayer);
    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    /**
     * Pseudo-class of the graph while it is zoomed out below {@link #TEXT_ZOOM}: the cards' small print (kind,
     * parallelism, state size) and the subtask glyphs are then a pixel or two high, unreadable smudges that cost as
     * much to paint as readable text, so the stylesheet hides them; names, colours and channels stay.
     */
    public static final javafx.css.PseudoClass ZOOMED_OUT = javafx.css.PseudoClass.getPseudoClass("zoomed-out");
    /** Zoom below which the graph is {@link #ZOOMED_OUT}: 11 px print is then under 5 px high. */
    public static final double TEXT_ZOOM = 0.45;
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final Map<String, OperatorCard> cards = new LinkedHashMap<>();
    private final Map<GraphEdge, EdgeView> edgeViews = new LinkedHashMap<>();
    private final List<Region> overlays = new java.util.ArrayList<>();
    private boolean fitPending;
    /** True from a fit until the user zooms or pans: while true, the graph is fitted again when the view resizes. */
    private boolean followSize;
    private double fittedWidth;
    private double fittedHeight;
    private Point2D panAnchor;
    private CardDragHandler cardDragHandler;
    private boolean panEnabled = true;
    private final CardSummaries summaries = new CardSummaries(zoom.getReadOnlyProperty(), pan.xProperty(),
            pan.yProperty());

    public PipelineGraphView(PipelineGraphViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add(GraphStyles.GRAPH);
        for (Group content : List.of(edgeContent, cardContent)) {
            content.getTransforms().addAll(pan, scale);
            content.setManaged(false);
            getChildren().add(content);
        }
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::startPan);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::continuePan);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::endPan);
        addEventHandler(ScrollEvent.SCROLL, this::zoomOnScroll);

        zoom.addListener((obs, old, now) -> pseudoClassStateChanged(ZOOMED_OUT, now.doubleValue() < TEXT_ZOOM));
        addOverlay(summaries, OverlayLevel.TOP);
        viewModel.pipelineProperty().addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    public PipelineGraphViewModel viewModel() {
        return viewModel;
    }

    /** The current zoom factor (1 = 100 %). */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** The card of an operator, if the operator is shown. */
    public Optional<OperatorCard> card(String operatorId) {
        return Optional.ofNullable(cards.get(operatorId));
    }

    /** Every card, in pipeline-file order. */
    public List<OperatorCard> cards() {
        return List.copyOf(cards.values());
    }

    /** Every edge drawing, in pipeline-file order. */
    public List<EdgeView> edgeViews() {
        return List.copyOf(edgeViews.values());
    }

    /**
     * A layer above the cards that is panned and zoomed with them, so its children are placed in graph
     * coordinates (the editor's ports and the rubber band of a new edge). Empty unless someone adds to it.
     */
    public Group editLayer() {
        return editLayer;
    }

    /** Decides which cards move together and hears when a card drag ends; {@code null} for lone, unrecorded moves. */
    public void setCardDragHandler(CardDragHandler handler) {
        this.cardDragHandler = handler;
    }

    /**
     * Whether a primary-button drag on the background pans (true, the default). The editor turns it off while
     * it uses the drag for something else (a rubber-band selection); the middle button always pans.
     */
    public void setPrimaryPanEnabled(boolean enabled) {
        this.panEnabled = enabled;
    }

    List<OperatorNode> dragGroup(OperatorNode grabbed) {
        if (cardDragHandler == null) {
            return List.of();
        }
        return cardDragHandler.dragGroup(grabbed.id()).stream()
                .map(cards::get).filter(java.util.Objects::nonNull).map(OperatorCard::node).toList();
    }

    void cardsDragged(java.util.Set<String> ids, double dx, double dy) {
        if (cardDragHandler != null) {
            cardDragHandler.dragFinished(ids, dx, dy);
        }
    }

    /** Where an overlay goes in the stack of layers. */
    public enum OverlayLevel {
        /** Above the edges, below the cards (e.g. drawings that belong between operators). */
        BELOW_CARDS,
        /** Above everything (e.g. hover cards). */
        TOP
    }

    /**
     * Adds a layer that covers the whole canvas (sized with it) and draws in canvas coordinates, e.g. the live
     * view's channel panels. It should be mouse-transparent; this view keeps panning and zooming. Use
     * {@link #panX()}, {@link #panY()} and {@link #zoomProperty()} to map graph coordinates onto it.
     */
    public void addOverlay(Region overlay, OverlayLevel level) {
        overlay.setManaged(false);
        overlays.add(overlay);
        if (level == OverlayLevel.BELOW_CARDS) {
            getChildren().add(getChildren().indexOf(cardContent), overlay);
        } else {
            getChildren().add(overlay);
        }
        requestLayout();
    }

    /** Canvas x of graph x = 0. */
    public double panX() {
        return pan.getX();
    }

    /** Canvas y of graph y = 0. */
    public double panY() {
        return pan.getY();
    }

    /**
     * Scales and centres the graph so that every card is visible, with a margin; at most {@value #MAX_FIT_ZOOM}.
     * When even {@value #MIN_ZOOM} is too big for the window, the graph starts at the window's left (and top) edge,
     * sources first, and the user pans to the rest.
     */
    public void fitToWindow() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            requestLayout();
            return;
        }
        fitPending = false;
        Bounds bounds = viewModel.contentBounds();
        if (bounds.getWidth() <= 0 || bounds.getHeight() <= 0) {
            setView(1, getWidth() / 2, getHeight() / 2);
            return;
        }
        double fit = Math.min((getWidth() - 2 * FIT_MARGIN) / bounds.getWidth(),
                (getHeight() - 2 * FIT_MARGIN) / bounds.getHeight());
        double newZoom = clamp(Math.min(fit, MAX_FIT_ZOOM));
        double tx = getWidth() / 2 - newZoom * (bounds.getMinX() + bounds.getWidth() / 2);
        double ty = getHeight() / 2 - newZoom * (bounds.getMinY() + bounds.getHeight() / 2);
        // Too big even at the smallest zoom (a narrow window): the sources at the left edge, the rest panned to.
        if (newZoom * bounds.getWidth() > getWidth() - 2 * FIT_MARGIN) {
            tx = FIT_MARGIN - newZoom * bounds.getMinX();
        }
        if (newZoom * bounds.getHeight() > getHeight() - 2 * FIT_MARGIN) {
            ty = FIT_MARGIN - newZoom * bounds.getMinY();
        }
        setView(newZoom, tx, ty);
        followSize = true;
        fittedWidth = getWidth();
        fittedHeight = getHeight();
    }

    /**
     * Zooms by a factor keeping the graph point under a canvas point where it is.
     *
     * @param factor  multiplies the zoom; the result is clamped to [{@value #MIN_ZOOM}, {@value #MAX_ZOOM}]
     * @param canvasX x of the fixed point, in this view's coordinates
     * @param canvasY y of the fixed point, in this view's coordinates
     */
    public void zoomBy(double factor, double canvasX, double canvasY) {
        followSize = false;
        double old = zoom.get();
        double newZoom = clamp(old * factor);
        double ratio = newZoom / old;
        setView(newZoom, canvasX - (canvasX - pan.getX()) * ratio, canvasY - (canvasY - pan.getY()) * ratio);
    }

    /** Converts a point in this view's coordinates to graph coordinates. */
    public Point2D canvasToGraph(double canvasX, double canvasY) {
        return new Point2D((canvasX - pan.getX()) / zoom.get(), (canvasY - pan.getY()) / zoom.get());
    }

    @Override
    protected void layoutChildren() {
        // Cards and edges are placed by their node positions; only a pending fit needs the final size.
        for (Region overlay : overlays) {
            overlay.resizeRelocate(0, 0, getWidth(), getHeight());
        }
        boolean resized = getWidth() != fittedWidth || getHeight() != fittedHeight;
        if ((fitPending || (followSize && resized)) && getWidth() > 0 && getHeight() > 0) {
            fitToWindow();
        }
    }

    private void rebuild() {
        cards.clear();
        edgeViews.clear();
        for (OperatorNode node : viewModel.nodes()) {
            OperatorCard card = new OperatorCard(node);
            card.setOwner(this);
            cards.put(node.id(), card);
        }
        for (GraphEdge edge : viewModel.edges()) {
            edgeViews.put(edge, new EdgeView(edge));
        }
        cardLayer.getChildren().setAll(cards.values());
        summaries.show(cards.values());
        edgeLayer.getChildren().setAll(edgeViews.values());
        if (viewModel.laidOut() || viewModel.pipelineProperty().get() == null) {
            fitPending = true;
            requestLayout();
        } else if (cards.isEmpty()) {
            // An emptied canvas starts over at 100 %, so the next cards dropped on it are readable.
            fitPending = false;
            followSize = false;
            setView(1, EMPTY_ORIGIN, EMPTY_ORIGIN);
        }
    }

    private void setView(double newZoom, double tx, double ty) {
        scale.setX(newZoom);
        scale.setY(newZoom);
        pan.setX(tx);
        pan.setY(ty);
        zoom.set(newZoom);
    }

    private static double clamp(double value) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value));
    }

    private void startPan(MouseEvent event) {
        if ((event.getButton() == MouseButton.PRIMARY && panEnabled) || event.getButton() == MouseButton.MIDDLE) {
            panAnchor = new Point2D(event.getX() - pan.getX(), event.getY() - pan.getY());
            pseudoClassStateChanged(GraphStyles.PANNING, true);
            setCursor(Cursor.CLOSED_HAND);
        }
    }

    private void continuePan(MouseEvent event) {
        if (panAnchor != null) {
            followSize = false;
            pan.setX(event.getX() - panAnchor.getX());
            pan.setY(event.getY() - panAnchor.getY());
        }
    }

    private void endPan(MouseEvent event) {
        if (panAnchor != null) {
            panAnchor = null;
            pseudoClassStateChanged(GraphStyles.PANNING, false);
            setCursor(Cursor.DEFAULT);
        }
    }

    private void zoomOnScroll(ScrollEvent event) {
        double delta = event.getDeltaY() != 0 ? event.getDeltaY() : event.getDeltaX();
        if (delta != 0) {
            zoomBy(Math.pow(ZOOM_PER_PIXEL, delta), event.getX(), event.getY());
        }
        event.consume();
    }
}
