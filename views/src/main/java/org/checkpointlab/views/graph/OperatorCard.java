package org.checkpointlab.views.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.views.i18n.Texts;

/**
 * The card of one operator: an accent dot coloured by role, the name, the state size (set by the live view),
 * the kind, {@code p=N}, and one box per subtask (index 0 to p-1, left to right, top to bottom). The card sits at its {@link OperatorNode}'s position
 * and moves it when dragged with the primary button (together with the cards its
 * {@link PipelineGraphView}'s {@link CardDragHandler} names, which hears of the move when the drag ends). Its size comes from {@link CardMetrics}, so it matches the
 * layout. The subtask boxes are plain regions with style class {@link GraphStyles#SUBTASK}; the live view
 * colours them through pseudo-classes.
 */
public final class OperatorCard extends VBox {
    private final OperatorNode node;
    private final List<SubtaskBox> subtaskBoxes;
    private final Label stateLabel = new Label();
    private Point2D grabPointer;
    /** The cards moving with this one during a drag, with their positions when it started. */
    private Map<OperatorNode, Point2D> dragStart = Map.of();
    /** The view that decides which cards move together and hears when a drag ends; none for a lone card. */
    private PipelineGraphView owner;

    public OperatorCard(OperatorNode node) {
        this.node = node;
        getStyleClass().addAll(GraphStyles.CARD, node.role().styleClass());
        setId("card-" + node.id());
        setSpacing(CardMetrics.SPACING);
        setPadding(new Insets(CardMetrics.PADDING));
        setMinSize(CardMetrics.WIDTH, node.height());
        setPrefSize(CardMetrics.WIDTH, node.height());
        setMaxSize(CardMetrics.WIDTH, node.height());

        Region accent = new Region();
        accent.getStyleClass().add(GraphStyles.CARD_ACCENT);
        Label title = new Label(node.name());
        title.getStyleClass().add(GraphStyles.CARD_TITLE);
        title.setMinHeight(CardMetrics.TITLE_HEIGHT);
        title.setPrefHeight(CardMetrics.TITLE_HEIGHT);
        HBox titleRow = new HBox(8, accent, title);
        titleRow.setAlignment(Pos.CENTER_LEFT);

        Label kind = new Label(node.kind());
        kind.getStyleClass().add(GraphStyles.CARD_KIND);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label parallelism = new Label("p=" + node.parallelism());
        parallelism.getStyleClass().add(GraphStyles.CARD_PARALLELISM);
        parallelism.setMinWidth(Region.USE_PREF_SIZE);
        stateLabel.getStyleClass().add(GraphStyles.CARD_STATE);
        stateLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox detailRow = new HBox(6, kind, spacer, stateLabel, parallelism);
        detailRow.setAlignment(Pos.CENTER_LEFT);
        detailRow.setMinHeight(CardMetrics.DETAIL_HEIGHT);
        detailRow.setPrefHeight(CardMetrics.DETAIL_HEIGHT);

        FlowPane boxes = new FlowPane(CardMetrics.BOX_GAP, CardMetrics.BOX_GAP);
        boxes.getStyleClass().add(GraphStyles.SUBTASKS);
        boxes.setPrefWrapLength(CardMetrics.WIDTH - 2 * CardMetrics.PADDING);
        List<SubtaskBox> created = new ArrayList<>();
        for (int i = 0; i < node.parallelism(); i++) {
            SubtaskBox box = new SubtaskBox(i);
            Tooltip.install(box, new Tooltip(Texts.format("graph.subtask.tooltip", node.name(), i + 1,
                    node.parallelism(), i)));
            created.add(box);
        }
        boxes.getChildren().setAll(created);
        subtaskBoxes = List.copyOf(created);
        getChildren().addAll(titleRow, detailRow, boxes);
        String description = OperatorKind.byJsonName(node.kind()).map(OperatorKind::description).orElse("");
        Tooltip.install(titleRow, new Tooltip(Texts.format("graph.card.tooltip", node.name(), node.id(),
                node.kind(), description.isEmpty() ? "" : "\n" + description)));

        layoutXProperty().bind(node.xProperty());
        layoutYProperty().bind(node.yProperty());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
    }

    public OperatorNode node() {
        return node;
    }

    /** The subtask boxes, index i for subtask i. */
    public List<SubtaskBox> subtaskBoxes() {
        return subtaskBoxes;
    }

    /** The label next to the parallelism where the live view shows the operator's state size. */
    public Label stateLabel() {
        return stateLabel;
    }

    void setOwner(PipelineGraphView view) {
        this.owner = view;
    }

    private void onPressed(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        grabPointer = pointerInGraph(event);
        Map<OperatorNode, Point2D> start = new LinkedHashMap<>();
        start.put(node, new Point2D(node.x(), node.y()));
        if (owner != null) {
            for (OperatorNode other : owner.dragGroup(node)) {
                start.put(other, new Point2D(other.x(), other.y()));
            }
        }
        dragStart = start;
        toFront();
        pseudoClassStateChanged(GraphStyles.DRAGGING, true);
        event.consume();
    }

    private void onDragged(MouseEvent event) {
        if (grabPointer == null) {
            return;
        }
        Point2D pointer = pointerInGraph(event);
        double dx = pointer.getX() - grabPointer.getX();
        double dy = pointer.getY() - grabPointer.getY();
        dragStart.forEach((moving, from) -> moving.moveTo(from.getX() + dx, from.getY() + dy));
        event.consume();
    }

    private void onReleased(MouseEvent event) {
        if (grabPointer == null) {
            return;
        }
        Point2D from = dragStart.get(node);
        double dx = node.x() - from.getX();
        double dy = node.y() - from.getY();
        Set<String> ids = new LinkedHashSet<>();
        dragStart.keySet().forEach(n -> ids.add(n.id()));
        grabPointer = null;
        dragStart = Map.of();
        pseudoClassStateChanged(GraphStyles.DRAGGING, false);
        event.consume();
        if ((dx != 0 || dy != 0) && owner != null) {
            owner.cardsDragged(ids, dx, dy);
        }
    }

    /** The pointer in the coordinates the card is placed in (graph coordinates, before pan and zoom). */
    private Point2D pointerInGraph(MouseEvent event) {
        Parent parent = getParent();
        return parent == null ? new Point2D(event.getSceneX(), event.getSceneY())
                : parent.sceneToLocal(event.getSceneX(), event.getSceneY());
    }
}
