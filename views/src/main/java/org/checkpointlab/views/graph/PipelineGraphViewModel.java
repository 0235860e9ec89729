package org.checkpointlab.views.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.graph.GraphEdge.Lane;
import org.checkpointlab.views.graph.LayeredLayout.BendCell;
import org.checkpointlab.views.graph.LayeredLayout.Cell;
import org.checkpointlab.views.graph.LayeredLayout.Layering;
import org.checkpointlab.views.graph.LayeredLayout.Link;
import org.checkpointlab.views.graph.LayeredLayout.NodeCell;

/**
 * The pipeline graph as the view draws it: one {@link OperatorNode} per operator with its position, one
 * {@link GraphEdge} per edge. {@link #show(PipelineSpec)} replaces the whole graph and lays it out with
 * {@link LayeredLayout} (the editor's {@link #show(PipelineSpec, Map)} keeps its own positions); positions then change only when the user drags a card or asks for
 * {@link #autoLayout()} again. Views redraw when {@link #pipelineProperty()} changes (it is set after the node
 * and edge lists are complete) and follow node positions through their properties. FX thread only.
 */
public final class PipelineGraphViewModel {
    private final ObservableList<OperatorNode> nodes = FXCollections.observableArrayList();
    private final ObservableList<GraphEdge> edges = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PipelineSpec> pipeline = new ReadOnlyObjectWrapper<>(this, "pipeline");
    private final BiFunction<OperatorSpec, PipelineSpec, OperatorRole> roles;
    private boolean laidOut;

    /** A graph whose card accents come from {@link OperatorRoles#roleOf(OperatorSpec, PipelineSpec)}. */
    public PipelineGraphViewModel() {
        this(OperatorRoles::roleOf);
    }

    /** A graph with a custom rule for card accents (for tests and future palettes). */
    public PipelineGraphViewModel(BiFunction<OperatorSpec, PipelineSpec, OperatorRole> roles) {
        this.roles = roles;
    }

    /** The operators in pipeline-file order. */
    public ObservableList<OperatorNode> nodes() {
        return FXCollections.unmodifiableObservableList(nodes);
    }

    /** The edges in pipeline-file order. */
    public ObservableList<GraphEdge> edges() {
        return FXCollections.unmodifiableObservableList(edges);
    }

    /** The pipeline shown, or {@code null} when the graph is empty. */
    public ReadOnlyObjectProperty<PipelineSpec> pipelineProperty() {
        return pipeline.getReadOnlyProperty();
    }

    public Optional<OperatorNode> node(String operatorId) {
        return nodes.stream().filter(n -> n.id().equals(operatorId)).findFirst();
    }

    /**
     * Shows a pipeline: builds its nodes and edges and places them with the automatic layout.
     *
     * @throws IllegalArgumentException if an edge names an operator the pipeline does not have
     */
    public void show(PipelineSpec spec) {
        Graph graph = laidOut(spec);
        nodes.setAll(graph.byId().values());
        edges.setAll(graph.edges());
        laidOut = true;
        pipeline.set(spec);
    }

    /** The nodes (by operator id, in operator order) and edges of a graph. */
    private record Graph(Map<String, OperatorNode> byId, List<GraphEdge> edges) {
    }

    /** Builds the nodes and edges of {@code spec}, placed by the automatic layout. */
    private Graph laidOut(PipelineSpec spec) {
        Layering layering = LayeredLayout.compute(
                spec.operators().stream().map(OperatorSpec::id).toList(),
                spec.edges().stream().map(e -> new Link(e.from(), e.to())).toList());
        Map<String, OperatorNode> byId = new LinkedHashMap<>();
        for (OperatorSpec operator : spec.operators()) {
            int layer = layering.placement(operator.id()).layer();
            byId.put(operator.id(), new OperatorNode(operator, roles.apply(operator, spec), layer));
        }
        List<GraphEdge> newEdges = new ArrayList<>();
        for (EdgeSpec edge : spec.edges()) {
            OperatorNode from = byId.get(edge.from());
            OperatorNode to = byId.get(edge.to());
            if (from == null || to == null) {
                throw new IllegalArgumentException("edge " + edge.from() + " -> " + edge.to()
                        + " names an operator the pipeline does not have");
            }
            newEdges.add(new GraphEdge(from, to, edge.partitioning()));
        }
        place(layering, byId, newEdges);
        return new Graph(byId, newEdges);
    }

    /**
     * Whether the pipeline shown last was laid out anew by {@link #show(PipelineSpec)} (a view then fits it to the
     * window) rather than shown at the editor's positions (the view then keeps its pan and zoom).
     */
    public boolean laidOut() {
        return laidOut;
    }

    /**
     * Shows a pipeline with its cards where the editor keeps them, without a new layout: operators in
     * {@code positions} go there, the others where the automatic layout would put them. When the pipeline is
     * the one shown already, only the cards move (nodes, cards and everything attached to them stay, so a
     * running job's drawing goes on); else the graph is rebuilt. Edges then run straight from card to card.
     *
     * @throws IllegalArgumentException if an edge names an operator the pipeline does not have
     */
    public void show(PipelineSpec spec, Map<String, Point2D> positions) {
        if (spec.equals(pipeline.get())) {
            for (OperatorNode node : nodes) {
                Point2D at = positions.get(node.id());
                if (at != null && (at.getX() != node.x() || at.getY() != node.y())) {
                    node.moveTo(at.getX(), at.getY());
                }
            }
            return;
        }
        Graph graph = laidOut(spec);
        graph.edges().forEach(e -> e.setLanes(List.of()));
        graph.byId().forEach((id, node) -> {
            Point2D at = positions.get(id);
            if (at != null) {
                node.moveTo(at.getX(), at.getY());
            }
        });
        nodes.setAll(graph.byId().values());
        edges.setAll(graph.edges());
        laidOut = false;
        pipeline.set(spec);
    }

    /** Removes every node and edge. */
    public void clear() {
        nodes.clear();
        edges.clear();
        pipeline.set(null);
    }

    /** Puts every card back where the automatic layout wants it, undoing any dragging. */
    public void autoLayout() {
        PipelineSpec spec = pipeline.get();
        if (spec == null) {
            return;
        }
        Layering layering = LayeredLayout.compute(
                nodes.stream().map(OperatorNode::id).toList(),
                edges.stream().map(e -> new Link(e.from().id(), e.to().id())).toList());
        Map<String, OperatorNode> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        place(layering, byId, edges);
    }

    /**
     * The smallest rectangle holding every card, in graph coordinates; an empty box at the origin when there are
     * no operators.
     */
    public Bounds contentBounds() {
        if (nodes.isEmpty()) {
            return new BoundingBox(0, 0, 0, 0);
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (OperatorNode n : nodes) {
            minX = Math.min(minX, n.x());
            minY = Math.min(minY, n.y());
            maxX = Math.max(maxX, n.x() + n.width());
            maxY = Math.max(maxY, n.y() + n.height());
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /**
     * Columns left to right, one per layer; each column's cells stacked top to bottom in layering order and
     * centred on y = 0 so that short columns sit level with the middle of tall ones. A bend cell takes
     * {@link CardMetrics#LANE_HEIGHT} and becomes a lane of the edge that crosses there.
     */
    private static void place(Layering layering, Map<String, OperatorNode> byId, List<GraphEdge> graphEdges) {
        Map<Link, List<Lane>> lanes = new HashMap<>();
        for (int layer = 0; layer < layering.layerCount(); layer++) {
            List<Cell> column = layering.columns().get(layer);
            double total = -CardMetrics.ROW_GAP;
            for (Cell cell : column) {
                total += height(cell, byId) + CardMetrics.ROW_GAP;
            }
            double x = layer * (CardMetrics.WIDTH + CardMetrics.LAYER_GAP);
            double y = -total / 2;
            for (Cell cell : column) {
                if (cell instanceof NodeCell node) {
                    byId.get(node.id()).moveTo(x, y);
                } else if (cell instanceof BendCell bend) {
                    lanes.computeIfAbsent(bend.link(), l -> new ArrayList<>())
                            .add(new Lane(x, x + CardMetrics.WIDTH, y + CardMetrics.LANE_HEIGHT / 2));
                }
                y += height(cell, byId) + CardMetrics.ROW_GAP;
            }
        }
        for (GraphEdge edge : graphEdges) {
            edge.setLanes(lanes.getOrDefault(new Link(edge.from().id(), edge.to().id()), List.of()));
        }
    }

    private static double height(Cell cell, Map<String, OperatorNode> byId) {
        return cell instanceof NodeCell node ? byId.get(node.id()).height() : CardMetrics.LANE_HEIGHT;
    }
}
