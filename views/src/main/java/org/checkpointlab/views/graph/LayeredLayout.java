package org.checkpointlab.views.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Assigns every node of a directed graph a layer (column, left to right) and an order (row within its column),
 * in the style of Sugiyama's layered drawing. Pure computation, no JavaFX, so it can be tested and reused by any
 * renderer.
 *
 * <ol>
 *   <li>Cycles are broken by ignoring the edges that close a cycle during a depth-first search in node order
 *       (pipelines are acyclic after validation; this only keeps the layout total for any input).</li>
 *   <li>Longest-path layering: a node without inputs sits in layer 0, every other node one layer right of its
 *       furthest predecessor. Sinks (nodes with inputs but no outputs) are then moved to the last layer so that
 *       all of a pipeline's outputs line up on the right.</li>
 *   <li>Edges that span several layers get a virtual node in each layer they cross, so that they take part in
 *       crossing reduction and keep a lane free.</li>
 *   <li>Crossing reduction: alternating down and up sweeps sort each layer by the barycenter (mean position) of
 *       the node's neighbours in the fixed layer; ties keep the previous order, which starts as the input order.
 *       The ordering with the fewest crossings seen is kept.</li>
 * </ol>
 * The result keeps the virtual nodes as {@link BendCell}s, so a renderer can route long edges through the free
 * lane they reserve. It is deterministic for a given input order. The steps: {@link LongestPathLayers} (1, 2),
 * {@link ProperLayering} (3), {@link BarycenterOrdering} (4).
 */
public final class LayeredLayout {

    /** A directed edge between two node ids. */
    public record Link(String from, String to) {
        public Link {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** Where one cell goes: its column and its row within that column (counting bend cells), both from 0. */
    public record Placement(int layer, int order) {
    }

    /** One slot of a column: an operator node, or the bend where a long edge crosses the column. */
    public sealed interface Cell permits NodeCell, BendCell {
    }

    /** The slot of a real node. */
    public record NodeCell(String id) implements Cell {
    }

    /**
     * The slot where a link spanning several layers crosses one column; drawing the edge through it keeps it
     * off the cards of that column.
     *
     * @param link  the link crossing the column
     * @param index 0 for the first column the link crosses, 1 for the next, ...
     */
    public record BendCell(Link link, int index) implements Cell {
    }

    /**
     * The computed layering.
     *
     * @param columns the cells of each layer, top to bottom in their final order
     */
    public record Layering(List<List<Cell>> columns) {
        public Layering {
            columns = columns.stream().map(List::copyOf).toList();
        }

        public int layerCount() {
            return columns.size();
        }

        /** The node ids of each layer in top-to-bottom order, without bend cells. */
        public List<List<String>> layers() {
            return columns.stream()
                    .map(column -> column.stream()
                            .filter(NodeCell.class::isInstance)
                            .map(cell -> ((NodeCell) cell).id())
                            .toList())
                    .toList();
        }

        /** The placement of a node; throws if the id was not part of the input. */
        public Placement placement(String id) {
            return find(new NodeCell(id))
                    .orElseThrow(() -> new IllegalArgumentException("node '" + id + "' is not part of this layering"));
        }

        /**
         * The bend cells of a link, from its source side to its target side; empty when the link joins adjacent
         * layers (or was left out to break a cycle).
         */
        public List<Placement> bends(Link link) {
            List<Placement> result = new ArrayList<>();
            for (int i = 0; ; i++) {
                Optional<Placement> bend = find(new BendCell(link, i));
                if (bend.isEmpty()) {
                    return result;
                }
                result.add(bend.get());
            }
        }

        private Optional<Placement> find(Cell cell) {
            for (int layer = 0; layer < columns.size(); layer++) {
                int order = columns.get(layer).indexOf(cell);
                if (order >= 0) {
                    return Optional.of(new Placement(layer, order));
                }
            }
            return Optional.empty();
        }
    }

    private LayeredLayout() {
    }

    /**
     * Lays out a graph.
     *
     * @param nodeIds distinct node ids; their order is the tie breaker for the vertical order
     * @param links   edges between those ids; self-loops are ignored
     * @throws IllegalArgumentException for a duplicate id or a link to an unknown id, naming it
     */
    public static Layering compute(List<String> nodeIds, List<Link> links) {
        LayoutGraph graph = LayoutGraph.of(nodeIds, links);
        int[] layer = LongestPathLayers.assign(graph);
        ProperLayering proper = ProperLayering.of(graph, layer);
        List<List<Integer>> ordering = BarycenterOrdering.reduce(proper);
        List<List<Cell>> columns = new ArrayList<>();
        for (List<Integer> row : ordering) {
            List<Cell> cells = new ArrayList<>();
            for (int v : row) {
                cells.add(v < graph.size() ? new NodeCell(graph.ids.get(v)) : proper.bendOf.get(v));
            }
            columns.add(cells);
        }
        // An empty graph yields one empty column; report no layers instead.
        columns.removeIf(List::isEmpty);
        return new Layering(columns);
    }

    /**
     * Counts pairs of edges that cross when drawn as straight lines between consecutive layers of a layering.
     * Only edges between adjacent layers are counted; used by tests and to compare orderings.
     */
    public static int crossings(Layering layering, List<Link> links) {
        int count = 0;
        List<Link> list = new ArrayList<>(links);
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                Placement a1 = layering.placement(list.get(i).from());
                Placement a2 = layering.placement(list.get(i).to());
                Placement b1 = layering.placement(list.get(j).from());
                Placement b2 = layering.placement(list.get(j).to());
                boolean sameSpan = a1.layer() == b1.layer() && a2.layer() == b2.layer()
                        && a2.layer() == a1.layer() + 1;
                if (sameSpan && Integer.signum(a1.order() - b1.order()) * Integer.signum(a2.order() - b2.order()) < 0) {
                    count++;
                }
            }
        }
        return count;
    }
}
