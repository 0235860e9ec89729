package org.checkpointlab.views.live;

import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.checkpointlab.views.controls.ContextMenus;
import org.checkpointlab.views.graph.OperatorCard;
import org.checkpointlab.views.graph.PipelineGraphView;
import org.checkpointlab.views.graph.SubtaskBox;
import org.checkpointlab.views.i18n.Texts;

/**
 * Puts the running job onto the pipeline graph: colours and phases of the subtask boxes, ack flashes, state size
 * on the cards, the {@link ChannelOverlay}, and the gestures: click a subtask (details, or a failure when the fail
 * tool is armed), right-click it for a context menu that injects a failure, hover a channel row to read its
 * buffers, credits and barriers, click a summarised panel to expand it. {@link #render()} runs once per frame,
 * after {@link LiveJobViewModel#refresh(long)}; it touches a node only when what it shows changed.
 */
public final class LiveGraph {
    /** Pseudo-class of a subtask box that just acknowledged a checkpoint. */
    public static final javafx.css.PseudoClass ACKED = javafx.css.PseudoClass.getPseudoClass("acked");
    /** Pseudo-class of the graph while a job is shown on it (drop shadows off, they cost a blur per frame). */
    public static final javafx.css.PseudoClass LIVE = javafx.css.PseudoClass.getPseudoClass("live");
    /** Pseudo-class of the selected subtask box. */
    public static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");
    /** Style class of the hover card over a channel panel. */
    public static final String CHANNEL_HOVER = "channel-hover";
    /** Text of the context menu item that fails a subtask. */
    public static final String FAIL_ITEM = Texts.get("graph.failItem");

    private final PipelineGraphView graphView;
    private final LiveJobViewModel live;
    private final ChannelOverlay overlay;
    private final Label hover = new Label();
    private long renderedFrame = -1;
    /** Where the pointer was last seen over the canvas (canvas coordinates), for refreshing the hover card. */
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;

    public LiveGraph(PipelineGraphView graphView, LiveJobViewModel live) {
        this.graphView = graphView;
        this.live = live;
        this.overlay = new ChannelOverlay(graphView, live);
        graphView.addOverlay(overlay, PipelineGraphView.OverlayLevel.BELOW_CARDS);
        hover.getStyleClass().add(CHANNEL_HOVER);
        hover.setMouseTransparent(true);
        hover.setVisible(false);
        hover.setManaged(false);
        Pane hoverLayer = new Pane(hover);
        hoverLayer.setMouseTransparent(true);
        hoverLayer.setPickOnBounds(false);
        graphView.addOverlay(hoverLayer, PipelineGraphView.OverlayLevel.TOP);
        graphView.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        graphView.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hover.setVisible(false);
            pointerX = Double.NaN;
        });
        graphView.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onCanvasClicked);
        graphView.viewModel().pipelineProperty().addListener((obs, old, now) -> wireCards());
        live.selectedProperty().addListener((obs, old, now) -> showSelection());
        live.activeProperty().addListener((obs, old, now) -> graphView.pseudoClassStateChanged(LIVE, now));
        wireCards();
    }

    public ChannelOverlay overlay() {
        return overlay;
    }

    /** The hover card over channel panels. */
    public Label hoverCard() {
        return hover;
    }

    /** Shows the live view model's last frame; does nothing when no new frame came since the last call. */
    public void render() {
        long frame = live.frameProperty().get();
        if (frame == renderedFrame) {
            overlay.render();
            return;
        }
        renderedFrame = frame;
        for (OperatorCard card : graphView.cards()) {
            long state = 0;
            boolean known = false;
            for (SubtaskBox box : card.subtaskBoxes()) {
                SubtaskState s = live.subtask(card.node().id(), box.index());
                showSubtask(box, s);
                if (s != null) {
                    known = true;
                    state += s.snapshot().stateSizeBytes();
                }
            }
            String stateText = known && state > 0 ? Texts.format("graph.state", Bytes.format(state)) : "";
            if (!stateText.equals(card.stateLabel().getText())) {
                card.stateLabel().setText(stateText);
            }
        }
        overlay.render();
        if (hover.isVisible()) {
            showHover();
        }
    }

    private void showSubtask(SubtaskBox box, SubtaskState state) {
        if (state == null) {
            box.showFill(null, null);
            box.showGlyph("");
            box.showPhase(null);
            box.showFlash(ACKED, false);
            return;
        }
        Color fill = state.fill();
        box.showFill(fill, SubtaskColors.textOn(fill));
        box.showGlyph(state.phase().glyph());
        box.showPhase(state.phase().pseudoClass());
        box.showFlash(ACKED, state.flashing());
    }

    private void wireCards() {
        for (OperatorCard card : graphView.cards()) {
            for (SubtaskBox box : card.subtaskBoxes()) {
                SubtaskKey key = new SubtaskKey(card.node().id(), box.index());
                box.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
                    if (event.getButton() == MouseButton.PRIMARY && event.isStillSincePress()) {
                        live.click(key);
                        event.consume();
                    }
                });
                MenuItem fail = new MenuItem(FAIL_ITEM);
                fail.setMnemonicParsing(false);
                fail.setOnAction(event -> live.injectFailure(key));
                MenuItem details = new MenuItem(Texts.get("graph.showDetails"));
                details.setOnAction(event -> live.select(key));
                ContextMenu menu = new ContextMenu(fail, details);
                menu.setOnShowing(event -> fail.setDisable(!live.activeProperty().get()));
                // A secondary click opens the menu on every platform (Monocle sends no context-menu event for it);
                // the context-menu request covers the keyboard.
                box.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
                    if (event.getButton() == MouseButton.SECONDARY) {
                        menu.show(box, event.getScreenX(), event.getScreenY());
                        event.consume();
                    }
                });
                ContextMenus.openOnRequest(box, menu);
                Tooltip tooltip = new Tooltip();
                tooltip.setOnShowing(event -> {
                    SubtaskState state = live.subtask(key.operatorId(), key.subtaskIndex());
                    tooltip.setText(state == null ? Texts.format("graph.subtask.idle", card.node().name(),
                            key.subtaskIndex())
                            : state.tooltip(card.node().name()));
                });
                Tooltip.install(box, tooltip);
            }
        }
        renderedFrame = -1;
        showSelection();
    }

    private void showSelection() {
        SubtaskKey selected = live.selectedProperty().get();
        for (OperatorCard card : graphView.cards()) {
            for (SubtaskBox box : card.subtaskBoxes()) {
                box.pseudoClassStateChanged(SELECTED, selected != null
                        && selected.operatorId().equals(card.node().id()) && selected.subtaskIndex() == box.index());
            }
        }
    }

    private void onMoved(MouseEvent event) {
        pointerX = event.getX();
        pointerY = event.getY();
        showHover();
    }

    /** Shows what the channel row under the pointer holds now (refreshed every frame while shown). */
    private void showHover() {
        if (Double.isNaN(pointerX)) {
            return;
        }
        Point2D graph = graphView.canvasToGraph(pointerX, pointerY);
        Optional<ChannelOverlay.Hit> hit = overlay.hit(graph.getX(), graph.getY());
        if (hit.isEmpty() || hit.get().row().isEmpty()) {
            hover.setVisible(false);
            return;
        }
        String text = ChannelOverlay.describe(hit.get().panel().edge(), hit.get().row().get());
        if (!text.equals(hover.getText())) {
            hover.setText(text);
        }
        hover.autosize();
        double x = Math.min(pointerX + 16, graphView.getWidth() - hover.getWidth() - 4);
        double y = Math.min(pointerY + 16, graphView.getHeight() - hover.getHeight() - 4);
        hover.relocate(Math.max(0, x), Math.max(0, y));
        hover.setVisible(true);
        hover.toFront();
    }

    private void onCanvasClicked(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || !event.isStillSincePress()) {
            return;
        }
        Point2D graph = graphView.canvasToGraph(event.getX(), event.getY());
        overlay.hit(graph.getX(), graph.getY()).ifPresent(hit -> {
            if (hit.panel().aggregatable()) {
                live.toggleExpanded(hit.panel().edge().from().id(), hit.panel().edge().to().id());
                renderedFrame = -1;
                overlay.render();
            }
        });
    }
}
