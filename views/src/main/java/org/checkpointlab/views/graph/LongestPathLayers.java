package org.checkpointlab.views.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Steps 1 and 2 of a {@link LayeredLayout}: cycles are broken by leaving out the edges that close a cycle during a
 * depth-first search in node order, then longest-path layering: a node without inputs sits in layer 0, every other
 * node one layer right of its furthest predecessor, and sinks are moved to the last layer.
 */
final class LongestPathLayers {
    private LongestPathLayers() {
    }

    /**
     * Steps 1 and 2: breaks cycles (the successors left go to {@code graph.acyclicOut}), then gives each node its
     * longest-path layer, with sinks pulled to the last layer.
     *
     * @return the layer of each node, by index
     */
    static int[] assign(LayoutGraph graph) {
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

    private static List<List<Integer>> acyclicSuccessors(LayoutGraph graph) {
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
}
