package org.checkpointlab.views.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkpointlab.views.graph.LayeredLayout.BendCell;
import org.checkpointlab.views.graph.LayeredLayout.Link;

/**
 * Step 3 of a {@link LayeredLayout}: the layered graph where every edge joins adjacent layers, with a virtual node
 * in each layer a long edge crosses. Real nodes keep their index, virtual nodes are numbered from
 * {@code graph.size()} upwards.
 */
final class ProperLayering {
    final List<Integer> layerOf = new ArrayList<>();
    /** For virtual nodes: the bend they stand for. */
    final Map<Integer, BendCell> bendOf = new HashMap<>();
    final List<List<Integer>> out = new ArrayList<>();
    final List<List<Integer>> in = new ArrayList<>();
    final int layerCount;

    private ProperLayering(int layerCount) {
        this.layerCount = layerCount;
    }

    static ProperLayering of(LayoutGraph graph, int[] layer) {
        int last = 0;
        for (int l : layer) {
            last = Math.max(last, l);
        }
        ProperLayering proper = new ProperLayering(last + 1);
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
            Map<Integer, Integer> lower = BarycenterOrdering.positions(order.get(l + 1));
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
