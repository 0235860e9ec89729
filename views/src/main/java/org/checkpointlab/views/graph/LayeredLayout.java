package org.checkpointlab.views.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * lane they reserve. It is deterministic for a given input order.
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

    private static final int MAX_SWEEPS = 12;

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
        Graph graph = Graph.of(nodeIds, links);
        int[] layer = assignLayers(graph);
        Proper proper = Proper.of(graph, layer);
        List<List<Integer>> ordering = reduceCrossings(proper);
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

    // Step 1 + 2: break cycles, then longest-path layers with sinks pulled to the last layer.
    private static int[] assignLayers(Graph graph) {
        int n = graph.size();
        List<List<Integer>> out = acyclicSuccessors(graph);
        int[] inDegree = new int[n];
        for (List<Integer> targets : out) {
            for (int t : targets) {
                inDegree[t]++;
            }
        }
        int[] layer = new int[n];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int v = 0; v < n; v++) {
            if (inDegree[v] == 0) {
                ready.add(v);
            }
        }
        int[] remaining = inDegree.clone();
        while (!ready.isEmpty()) {
            int v = ready.poll();
            for (int t : out.get(v)) {
                layer[t] = Math.max(layer[t], layer[v] + 1);
                if (--remaining[t] == 0) {
                    ready.add(t);
                }
            }
        }
        int last = 0;
        for (int v = 0; v < n; v++) {
            last = Math.max(last, layer[v]);
        }
        for (int v = 0; v < n; v++) {
            if (out.get(v).isEmpty() && inDegree[v] > 0) {
                layer[v] = last;
            }
        }
        graph.acyclicOut = out;
        return layer;
    }

    private static List<List<Integer>> acyclicSuccessors(Graph graph) {
        int n = graph.size();
        List<List<Integer>> out = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            out.add(new ArrayList<>());
        }
        int[] state = new int[n]; // 0 = new, 1 = on the DFS stack, 2 = done
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) {
                continue;
            }
            // Iterative DFS: a frame is (node, index of next successor to visit).
            Deque<int[]> stack = new ArrayDeque<>();
            stack.push(new int[] {root, 0});
            state[root] = 1;
            while (!stack.isEmpty()) {
                int[] frame = stack.peek();
                int v = frame[0];
                List<Integer> successors = graph.out.get(v);
                if (frame[1] < successors.size()) {
                    int t = successors.get(frame[1]++);
                    if (state[t] == 1) {
                        continue; // closes a cycle: leave it out of the layering
                    }
                    out.get(v).add(t);
                    if (state[t] == 0) {
                        state[t] = 1;
                        stack.push(new int[] {t, 0});
                    }
                } else {
                    state[v] = 2;
                    stack.pop();
                }
            }
        }
        return out;
    }

    // Step 4: barycenter sweeps over the proper (virtual-node) graph.
    private static List<List<Integer>> reduceCrossings(Proper proper) {
        List<List<Integer>> order = proper.initialOrder();
        List<List<Integer>> best = copy(order);
        int bestCrossings = proper.crossings(order);
        for (int sweep = 0; sweep < MAX_SWEEPS && bestCrossings > 0; sweep++) {
            boolean down = sweep % 2 == 0;
            if (down) {
                for (int l = 1; l < order.size(); l++) {
                    sortByBarycenter(order, l, order.get(l - 1), proper.in);
                }
            } else {
                for (int l = order.size() - 2; l >= 0; l--) {
                    sortByBarycenter(order, l, order.get(l + 1), proper.out);
                }
            }
            int crossings = proper.crossings(order);
            if (crossings < bestCrossings) {
                bestCrossings = crossings;
                best = copy(order);
            }
        }
        return best;
    }

    private static void sortByBarycenter(List<List<Integer>> order, int layer, List<Integer> fixed,
                                         List<List<Integer>> neighbours) {
        Map<Integer, Integer> fixedPosition = positions(fixed);
        List<Integer> row = order.get(layer);
        Map<Integer, Double> key = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            int v = row.get(i);
            double sum = 0;
            int count = 0;
            for (int u : neighbours.get(v)) {
                Integer p = fixedPosition.get(u);
                if (p != null) {
                    sum += p;
                    count++;
                }
            }
            // A node without neighbours in the fixed layer keeps its place.
            key.put(v, count == 0 ? i : sum / count);
        }
        Map<Integer, Integer> previous = positions(row);
        List<Integer> sorted = new ArrayList<>(row);
        sorted.sort(Comparator.comparingDouble((Integer v) -> key.get(v)).thenComparingInt(previous::get));
        order.set(layer, sorted);
    }

    private static Map<Integer, Integer> positions(List<Integer> row) {
        Map<Integer, Integer> map = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            map.put(row.get(i), i);
        }
        return map;
    }

    private static List<List<Integer>> copy(List<List<Integer>> order) {
        List<List<Integer>> result = new ArrayList<>();
        for (List<Integer> row : order) {
            result.add(new ArrayList<>(row));
        }
        return result;
    }

    /** The input graph with ids mapped to indexes in input order. */
    private static final class Graph {
        final List<String> ids;
        final List<List<Integer>> out = new ArrayList<>();
        List<List<Integer>> acyclicOut;

        private Graph(List<String> ids) {
            this.ids = ids;
        }

        static Graph of(List<String> nodeIds, List<Link> links) {
            Map<String, Integer> index = new LinkedHashMap<>();
            for (String id : nodeIds) {
                Objects.requireNonNull(id, "node id");
                if (index.putIfAbsent(id, index.size()) != null) {
                    throw new IllegalArgumentException("duplicate node id '" + id + "'");
                }
            }
            Graph graph = new Graph(List.copyOf(nodeIds));
            for (int i = 0; i < nodeIds.size(); i++) {
                graph.out.add(new ArrayList<>());
            }
            Set<Link> seen = new HashSet<>();
            for (Link link : links) {
                Integer from = index.get(link.from());
                Integer to = index.get(link.to());
                if (from == null || to == null) {
                    String missing = from == null ? link.from() : link.to();
                    throw new IllegalArgumentException("link " + link.from() + " -> " + link.to()
                            + " refers to unknown node '" + missing + "'");
                }
                if (!from.equals(to) && seen.add(link)) {
                    graph.out.get(from).add(to);
                }
            }
            return graph;
        }

        int size() {
            return ids.size();
        }
    }

    /**
     * The layered graph where every edge joins adjacent layers: real nodes keep their index, virtual nodes
     * are numbered from {@code graph.size()} upwards.
     */
    private static final class Proper {
        final List<Integer> layerOf = new ArrayList<>();
        /** For virtual nodes: the bend they stand for. */
        final Map<Integer, BendCell> bendOf = new HashMap<>();
        final List<List<Integer>> out = new ArrayList<>();
        final List<List<Integer>> in = new ArrayList<>();
        final int layerCount;

        private Proper(int layerCount) {
            this.layerCount = layerCount;
        }

        static Proper of(Graph graph, int[] layer) {
            int last = 0;
            for (int l : layer) {
                last = Math.max(last, l);
            }
            Proper proper = new Proper(last + 1);
            for (int v = 0; v < graph.size(); v++) {
                proper.addNode(layer[v]);
            }
            for (int v = 0; v < graph.size(); v++) {
                for (int t : graph.acyclicOut.get(v)) {
                    int previous = v;
                    Link link = new Link(graph.ids.get(v), graph.ids.get(t));
                    for (int l = layer[v] + 1; l < layer[t]; l++) {
                        int virtual = proper.addNode(l);
                        proper.bendOf.put(virtual, new BendCell(link, l - layer[v] - 1));
                        proper.connect(previous, virtual);
                        previous = virtual;
                    }
                    proper.connect(previous, t);
                }
            }
            return proper;
        }

        int addNode(int layer) {
            layerOf.add(layer);
            out.add(new ArrayList<>());
            in.add(new ArrayList<>());
            return layerOf.size() - 1;
        }

        void connect(int from, int to) {
            out.get(from).add(to);
            in.get(to).add(from);
        }

        /** Layer 0 in input order, every further layer by first discovery from the layer before it. */
        List<List<Integer>> initialOrder() {
            List<List<Integer>> order = new ArrayList<>();
            for (int l = 0; l < layerCount; l++) {
                order.add(new ArrayList<>());
            }
            Set<Integer> placed = new HashSet<>();
            for (int l = 0; l < layerCount; l++) {
                if (l > 0) {
                    for (int u : order.get(l - 1)) {
                        for (int v : out.get(u)) {
                            if (placed.add(v)) {
                                order.get(l).add(v);
                            }
                        }
                    }
                }
                for (int v = 0; v < layerOf.size(); v++) {
                    if (layerOf.get(v) == l && placed.add(v)) {
                        order.get(l).add(v);
                    }
                }
            }
            return order;
        }

        int crossings(List<List<Integer>> order) {
            int total = 0;
            for (int l = 0; l + 1 < order.size(); l++) {
                Map<Integer, Integer> lower = positions(order.get(l + 1));
                List<int[]> edges = new ArrayList<>();
                List<Integer> upper = order.get(l);
                for (int i = 0; i < upper.size(); i++) {
                    for (int t : out.get(upper.get(i))) {
                        edges.add(new int[] {i, lower.get(t)});
                    }
                }
                for (int a = 0; a < edges.size(); a++) {
                    for (int b = a + 1; b < edges.size(); b++) {
                        int[] e = edges.get(a);
                        int[] f = edges.get(b);
                        if ((e[0] - f[0]) * (e[1] - f[1]) < 0) {
                            total++;
                        }
                    }
                }
            }
            return total;
        }
    }
}
