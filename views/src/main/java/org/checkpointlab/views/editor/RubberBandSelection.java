package org.checkpointlab.views.editor;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Rectangle;
import org.checkpointlab.views.editor.model.Selection;
import org.checkpointlab.views.graph.OperatorCard;
import org.checkpointlab.views.graph.OperatorNode;
import org.checkpointlab.views.graph.PipelineGraphView;

/**
 * Rubber-band selection on the {@link EditorCanvas}: a Shift-drag on the background draws a rectangle (the canvas
 * does not pan meanwhile) and adds every card it touches to the selection.
 */
final class RubberBandSelection {
    private final PipelineGraphView graphView;
    private final EditorViewModel viewModel;
    private final Group portLayer;
    /** Whether a mouse event is on a card, an edge or a port rather than the background. */
    private final Predicate<MouseEvent> hitsItem;
    private Rectangle band;
    private Point2D bandStart;

    private RubberBandSelection(PipelineGraphView graphView, EditorViewModel viewModel, Group portLayer,
                                Predicate<MouseEvent> hitsItem) {
        this.graphView = graphView;
        this.viewModel = viewModel;
        this.portLayer = portLayer;
        this.hitsItem = hitsItem;
    }

    /** Lets Shift-drags on {@code graphView}'s background select; the band is drawn in {@code layer}. */
    static void install(PipelineGraphView graphView, EditorViewModel viewModel, Group layer,
                        Predicate<MouseEvent> hitsItem) {
        RubberBandSelection selection = new RubberBandSelection(graphView, viewModel, layer, hitsItem);
        graphView.addEventFilter(MouseEvent.MOUSE_PRESSED, selection::start);
        graphView.addEventFilter(MouseEvent.MOUSE_DRAGGED, selection::drag);
        graphView.addEventFilter(MouseEvent.MOUSE_RELEASED, selection::release);
    }

    private void start(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || !event.isShiftDown() || hitsItem.test(event)) {
            return;
        }
        graphView.setPrimaryPanEnabled(false);
        bandStart = graphView.canvasToGraph(event.getX(), event.getY());
        band = new Rectangle(bandStart.getX(), bandStart.getY(), 0, 0);
        band.getStyleClass().add(EditorStyles.RUBBER_BAND);
        band.setMouseTransparent(true);
        portLayer.getChildren().add(band);
    }

    private void drag(MouseEvent event) {
        if (band == null) {
            return;
        }
        Point2D at = graphView.canvasToGraph(event.getX(), event.getY());
        band.setX(Math.min(at.getX(), bandStart.getX()));
        band.setY(Math.min(at.getY(), bandStart.getY()));
        band.setWidth(Math.abs(at.getX() - bandStart.getX()));
        band.setHeight(Math.abs(at.getY() - bandStart.getY()));
    }

    private void release(MouseEvent event) {
        if (band == null) {
            return;
        }
        Bounds area = band.getBoundsInLocal();
        portLayer.getChildren().remove(band);
        band = null;
        graphView.setPrimaryPanEnabled(true);
        Set<String> ids = new LinkedHashSet<>(viewModel.pipeline().selection().operators());
        for (OperatorCard card : graphView.cards()) {
            OperatorNode n = card.node();
            if (area.intersects(n.x(), n.y(), n.width(), n.height())) {
                ids.add(n.id());
            }
        }
        viewModel.select(new Selection(ids, viewModel.pipeline().selection().edges()));
    }
}
