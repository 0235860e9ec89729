package org.checkpointlab.views.editor;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurve;
import org.checkpointlab.views.graph.OperatorCard;
import org.checkpointlab.views.graph.OperatorNode;
import org.checkpointlab.views.graph.PipelineGraphView;

/**
 * Wiring on the {@link EditorCanvas}: dragging from a card's output port draws a rubber-band curve to the pointer,
 * marks the input port it would connect to, and on release connects to the card (or input port) under the pointer;
 * Escape drops the wire. Refused while the structure is locked (a job runs).
 */
final class PortWiring {
    /** How near an input port the pointer must be released to connect to it, in graph pixels. */
    static final double PORT_REACH = 20;

    private final PipelineGraphView graphView;
    private final EditorViewModel viewModel;
    private final Group portLayer;
    /** The input ports by operator id, as the canvas put them on the cards. */
    private final Map<String, Circle> inputPorts;
    private CubicCurve rubberEdge;
    private String wiringFrom;
    private String wiringTarget;

    PortWiring(PipelineGraphView graphView, EditorViewModel viewModel, Group portLayer,
               Map<String, Circle> inputPorts) {
        this.graphView = graphView;
        this.viewModel = viewModel;
        this.portLayer = portLayer;
        this.inputPorts = inputPorts;
    }

    /** Makes {@code outputPort}, the output port of {@code node}'s card, start a wire when dragged. */
    void install(Circle outputPort, OperatorNode node) {
        outputPort.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> start(node, e));
        outputPort.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        outputPort.addEventHandler(MouseEvent.MOUSE_RELEASED, this::release);
    }

    private void start(OperatorNode from, MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        event.consume();
        if (viewModel.structureLocked().get()) {
            viewModel.refuse(EditorViewModel.LOCKED_MESSAGE);
            return;
        }
        wiringFrom = from.id();
        if (graphView.getScene() != null) {
            graphView.getScene().addEventFilter(KeyEvent.KEY_PRESSED, escapeCancelsWiring);
        }
        double startX = from.x() + from.width();
        double startY = from.y() + from.height() / 2;
        rubberEdge = new CubicCurve(startX, startY, startX, startY, startX, startY, startX, startY);
        rubberEdge.getStyleClass().add(EditorStyles.RUBBER_EDGE);
        rubberEdge.setMouseTransparent(true);
        rubberEdge.setFill(null);
        portLayer.getChildren().add(rubberEdge);
    }

    private void drag(MouseEvent event) {
        if (wiringFrom == null) {
            return;
        }
        event.consume();
        Point2D at = portLayer.sceneToLocal(event.getSceneX(), event.getSceneY());
        double bend = Math.max(40, Math.abs(at.getX() - rubberEdge.getStartX()) / 2);
        rubberEdge.setControlX1(rubberEdge.getStartX() + bend);
        rubberEdge.setControlY1(rubberEdge.getStartY());
        rubberEdge.setControlX2(at.getX() - bend);
        rubberEdge.setControlY2(at.getY());
        rubberEdge.setEndX(at.getX());
        rubberEdge.setEndY(at.getY());
        String target = targetAt(at);
        if (!Objects.equals(target, wiringTarget)) {
            Optional.ofNullable(wiringTarget).map(inputPorts::get)
                    .ifPresent(p -> p.pseudoClassStateChanged(EditorStyles.TARGET, false));
            wiringTarget = target;
            Optional.ofNullable(target).map(inputPorts::get)
                    .ifPresent(p -> p.pseudoClassStateChanged(EditorStyles.TARGET, true));
        }
    }

    private void release(MouseEvent event) {
        if (wiringFrom == null) {
            return;
        }
        event.consume();
        String from = wiringFrom;
        String target = targetAt(portLayer.sceneToLocal(event.getSceneX(), event.getSceneY()));
        stopWiring();
        if (target != null) {
            viewModel.connect(from, target);
        }
    }

    /** Escape while dragging a wire drops it: nothing is connected when the button is released. */
    private final EventHandler<KeyEvent> escapeCancelsWiring = event -> {
        if (event.getCode() == KeyCode.ESCAPE && wiringFrom != null) {
            event.consume();
            stopWiring();
        }
    };

    private void stopWiring() {
        Optional.ofNullable(wiringTarget).map(inputPorts::get)
                .ifPresent(p -> p.pseudoClassStateChanged(EditorStyles.TARGET, false));
        portLayer.getChildren().remove(rubberEdge);
        rubberEdge = null;
        wiringFrom = null;
        wiringTarget = null;
        if (graphView.getScene() != null) {
            graphView.getScene().removeEventFilter(KeyEvent.KEY_PRESSED, escapeCancelsWiring);
        }
    }

    /** The operator whose input port is near the point, or whose card holds it (not the wiring's own source). */
    private String targetAt(Point2D graphPoint) {
        for (var entry : inputPorts.entrySet()) {
            Circle port = entry.getValue();
            if (!entry.getKey().equals(wiringFrom)
                    && graphPoint.distance(port.getCenterX(), port.getCenterY()) <= PORT_REACH) {
                return entry.getKey();
            }
        }
        for (OperatorCard card : graphView.cards()) {
            OperatorNode n = card.node();
            if (!n.id().equals(wiringFrom) && graphPoint.getX() >= n.x() && graphPoint.getX() <= n.x() + n.width()
                    && graphPoint.getY() >= n.y() && graphPoint.getY() <= n.y() + n.height()) {
                return n.id();
            }
        }
        return null;
    }
}
