package org.checkpointlab.views.editor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.shape.Circle;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.views.controls.ContextMenus;
import org.checkpointlab.views.editor.model.EdgeRef;
import org.checkpointlab.views.editor.model.Position;
import org.checkpointlab.views.editor.model.Selection;
import org.checkpointlab.views.graph.CardDragHandler;
import org.checkpointlab.views.graph.CardMetrics;
import org.checkpointlab.views.graph.EdgeView;
import org.checkpointlab.views.graph.GraphStyles;
import org.checkpointlab.views.graph.OperatorCard;
import org.checkpointlab.views.graph.OperatorNode;
import org.checkpointlab.views.graph.PipelineGraphView;
import org.checkpointlab.views.i18n.Texts;

/**
 * Makes a {@link PipelineGraphView} an editing canvas for an {@link EditorViewModel}: drop target for palette
 * entries, an input port (left) and an output port (right) on each card, wiring by dragging from an output port
 * onto another card or its input port (a rubber-band curve follows the pointer), selection (click, Shift/Ctrl-click
 * to add, click on the background to clear, Shift-drag on the background for a rubber band), card drags recorded
 * as one move, an edge context menu for the partitioning, and the marks for selected and invalid cards and edges.
 * Port wiring ({@link PortWiring}), the rubber band ({@link RubberBandSelection}) and moves use plain mouse events;
 * only palette drops use platform drag-and-drop.
 */
public final class EditorCanvas {
    /** Radius of a port, in graph pixels. */
    static final double PORT_RADIUS = 7;

    private final PipelineGraphView graphView;
    private final EditorViewModel viewModel;
    private final Map<String, Circle> inputPorts = new LinkedHashMap<>();
    private final Map<String, Circle> outputPorts = new LinkedHashMap<>();
    private final javafx.scene.Group portLayer = new javafx.scene.Group();
    private final PortWiring wiring;

    public EditorCanvas(PipelineGraphView graphView, EditorViewModel viewModel) {
        this.graphView = graphView;
        this.viewModel = viewModel;
        this.wiring = new PortWiring(graphView, viewModel, portLayer, inputPorts);
        graphView.editLayer().getChildren().add(portLayer);
        graphView.setCardDragHandler(new CardDragHandler() {
            @Override
            public Set<String> dragGroup(String grabbedId) {
                return viewModel.dragGroup(grabbedId);
            }

            @Override
            public void dragFinished(Set<String> operatorIds, double dx, double dy) {
                viewModel.move(operatorIds, dx, dy);
            }
        });
        graphView.addEventHandler(DragEvent.DRAG_OVER, this::onDragOver);
        graphView.addEventHandler(DragEvent.DRAG_DROPPED, this::onDragDropped);
        graphView.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onCanvasClicked);
        RubberBandSelection.install(graphView, viewModel, portLayer, this::hitsItem);
        graphView.viewModel().pipelineProperty().addListener((obs, old, now) -> decorate());
        viewModel.pipelineProperty().addListener((obs, old, now) -> showMarks());
        decorate();
    }

    /** The input port of an operator's card (absent for sources). */
    public Optional<Circle> inputPort(String operatorId) {
        return Optional.ofNullable(inputPorts.get(operatorId));
    }

    /** The output port of an operator's card (absent for sinks). */
    public Optional<Circle> outputPort(String operatorId) {
        return Optional.ofNullable(outputPorts.get(operatorId));
    }

    // ---- palette drops ----------------------------------------------------------------------------------------

    private void onDragOver(DragEvent event) {
        if (PaletteView.kindOf(event.getDragboard()).isPresent()) {
            event.acceptTransferModes(TransferMode.COPY);
            event.consume();
        }
    }

    private void onDragDropped(DragEvent event) {
        Optional<OperatorKind> kind = PaletteView.kindOf(event.getDragboard());
        if (kind.isEmpty()) {
            return;
        }
        Point2D at = graphView.canvasToGraph(event.getX(), event.getY());
        // The card's title sits under the pointer, as if the palette entry had been carried there.
        boolean added = viewModel.addOperator(kind.get(),
                new Position(at.getX() - CardMetrics.WIDTH / 2, at.getY() - CardMetrics.PADDING - 10));
        event.setDropCompleted(added);
        event.consume();
    }

    // ---- cards, ports and edges -------------------------------------------------------------------------------

    /** Puts ports on the cards and gestures on cards and edges after the graph view rebuilt them. */
    private void decorate() {
        inputPorts.clear();
        outputPorts.clear();
        portLayer.getChildren().clear();
        for (OperatorCard card : graphView.cards()) {
            OperatorNode node = card.node();
            Optional<OperatorKind> kind = OperatorKind.byJsonName(node.kind());
            if (kind.map(k -> k.role() != OperatorKind.Role.SOURCE).orElse(true)) {
                Circle in = port(node, false);
                in.setId("port-in-" + node.id());
                Tooltip.install(in, new Tooltip(Texts.format("editor.port.input",
                        node.name())));
                inputPorts.put(node.id(), in);
            }
            if (kind.map(k -> k.role() != OperatorKind.Role.SINK).orElse(true)) {
                Circle out = port(node, true);
                out.setId("port-out-" + node.id());
                Tooltip.install(out, new Tooltip(Texts.format("editor.port.output",
                        node.name())));
                wiring.install(out, node);
                outputPorts.put(node.id(), out);
            }
            card.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> pressCard(node.id(), e));
            card.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> clickCard(node.id(), e));
        }
        portLayer.getChildren().addAll(inputPorts.values());
        portLayer.getChildren().addAll(outputPorts.values());
        for (EdgeView edgeView : graphView.edgeViews()) {
            EdgeRef ref = new EdgeRef(edgeView.edge().from().id(), edgeView.edge().to().id());
            ContextMenu menu = edgeMenu(ref);
            edgeView.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                    viewModel.selectEdge(ref, additive(e));
                    e.consume();
                } else if (e.getButton() == MouseButton.SECONDARY) {
                    viewModel.selectEdge(ref, false);
                    menu.show(edgeView, e.getScreenX(), e.getScreenY());
                    e.consume();
                }
            });
            ContextMenus.openOnRequest(edgeView, menu);
            Tooltip.install(edgeView, new Tooltip(Texts.format("editor.edge.tooltip", ref,
                    edgeView.edge().label())));
        }
        showMarks();
    }

    private Circle port(OperatorNode node, boolean output) {
        Circle port = new Circle(PORT_RADIUS);
        port.getStyleClass().addAll(EditorStyles.PORT, output ? EditorStyles.PORT_OUT : EditorStyles.PORT_IN);
        port.centerXProperty().bind(output ? node.xProperty().add(node.width()) : node.xProperty());
        port.centerYProperty().bind(node.yProperty().add(node.height() / 2));
        return port;
    }

    private ContextMenu edgeMenu(EdgeRef ref) {
        ContextMenu menu = new ContextMenu();
        ToggleGroup group = new ToggleGroup();
        for (Partitioning p : Partitioning.values()) {
            RadioMenuItem item = new RadioMenuItem(p.jsonName());
            item.setToggleGroup(group);
            item.setOnAction(e -> viewModel.setPartitioning(ref.from(), ref.to(), p));
            menu.getItems().add(item);
        }
        MenuItem delete = new MenuItem(Texts.get("editor.edge.delete"));
        delete.setOnAction(e -> {
            viewModel.select(new Selection(Set.of(), Set.of(ref)));
            viewModel.deleteSelection();
        });
        menu.getItems().addAll(new SeparatorMenuItem(), delete);
        menu.setOnShowing(e -> viewModel.edge(ref).ifPresent(edge -> {
            for (var item : menu.getItems()) {
                if (item instanceof RadioMenuItem radio) {
                    radio.setSelected(radio.getText().equals(edge.partitioning().jsonName()));
                }
            }
        }));
        return menu;
    }

    private void pressCard(String id, MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (additive(event)) {
            viewModel.selectOperator(id, true);
        } else if (!viewModel.pipeline().selection().operators().contains(id)) {
            viewModel.selectOperator(id, false);
        }
    }

    private void clickCard(String id, MouseEvent event) {
        Selection s = viewModel.pipeline().selection();
        if (event.getButton() == MouseButton.PRIMARY && event.isStillSincePress() && !additive(event)
                && (s.operators().size() > 1 || !s.edges().isEmpty())) {
            viewModel.selectOperator(id, false);
        }
    }

    private void onCanvasClicked(MouseEvent event) {
        if (event.getButton() == MouseButton.PRIMARY && event.isStillSincePress() && !hitsItem(event)
                && !additive(event)) {
            viewModel.clearSelection();
        }
    }

    private static boolean additive(MouseEvent event) {
        return event.isShiftDown() || event.isShortcutDown();
    }

    /** Whether the event is on a card, an edge or a port (not the bare background). */
    private boolean hitsItem(MouseEvent event) {
        Node node = event.getPickResult().getIntersectedNode();
        while (node != null && node != graphView) {
            if (node instanceof OperatorCard || node instanceof EdgeView || node.getStyleClass().contains(
                    EditorStyles.PORT)) {
                return true;
            }
            node = node.getParent();
        }
        return false;
    }

    /** Selected and invalid marks on cards and edges. */
    private void showMarks() {
        Selection s = viewModel.pipeline().selection();
        Set<String> invalid = viewModel.operatorsWithProblems();
        for (OperatorCard card : graphView.cards()) {
            card.pseudoClassStateChanged(GraphStyles.SELECTED, s.operators().contains(card.node().id()));
            card.pseudoClassStateChanged(GraphStyles.INVALID, invalid.contains(card.node().id()));
        }
        Set<EdgeRef> invalidEdges = viewModel.edgesWithProblems();
        for (EdgeView edgeView : graphView.edgeViews()) {
            EdgeRef ref = new EdgeRef(edgeView.edge().from().id(), edgeView.edge().to().id());
            edgeView.pseudoClassStateChanged(GraphStyles.SELECTED, s.edges().contains(ref));
            edgeView.pseudoClassStateChanged(GraphStyles.INVALID, invalidEdges.contains(ref));
        }
    }
}
