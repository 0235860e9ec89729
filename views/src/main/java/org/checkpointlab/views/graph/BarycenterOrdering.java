package org.checkpointlab.views.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 4 of a {@link LayeredLayout}, crossing reduction: alternating down and up sweeps sort each layer by the
 * barycenter (mean position) of the node's neighbours in the fixed layer; ties keep the previous order, which starts
 * as the input order. The ordering with the fewest crossings seen is kept.
 */
final class BarycenterOrdering {
    private static final int MAX_SWEEPS = 12;

    private BarycenterOrdering() {
    }

    /** The ordering of each layer with the fewest crossings the sweeps found. */
    static List<List<Integer>> reduce(ProperLayering proper) {
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

    /** The index of each node in {@code row}. */
    static Map<Integer, Integer> positions(List<Integer> row) {
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
}
