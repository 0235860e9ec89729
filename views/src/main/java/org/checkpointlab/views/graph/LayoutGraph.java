package org.checkpointlab.views.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.checkpointlab.views.graph.LayeredLayout.Link;

/**
 * The input graph of a {@link LayeredLayout} with ids mapped to indexes in input order; {@link #acyclicOut} holds the
 * successors left once {@link LongestPathLayers} broke the cycles.
 */
final class LayoutGraph {
    final List<String> ids;
    final List<List<Integer>> out = new ArrayList<>();
    List<List<Integer>> acyclicOut;

    private LayoutGraph(List<String> ids) {
        this.ids = ids;
    }

    static LayoutGraph of(List<String> nodeIds, List<Link> links) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String id : nodeIds) {
            Objects.requireNonNull(id, "node id");
            if (index.putIfAbsent(id, index.size()) != null) {
                throw new IllegalArgumentException("duplicate node id '" + id + "'");
            }
        }
        LayoutGraph graph = new LayoutGraph(List.copyOf(nodeIds));
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
