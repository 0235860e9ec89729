package org.checkpointlab.model.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operators of a pipeline as a directed graph, for the structural checks of {@link PipelineValidator}:
 * cycles and reachability. Nodes are operator ids in file order; edges whose ends are not both nodes are left
 * out.
 */
final class PipelineGraph {
    private final Map<String, List<String>> successors = new LinkedHashMap<>();

    PipelineGraph(Collection<String> nodes, Collection<EdgeSpec> edges) {
        for (String n : nodes) {
            successors.putIfAbsent(n, new ArrayList<>());
        }
        for (EdgeSpec e : edges) {
            if (successors.containsKey(e.from()) && successors.containsKey(e.to())) {
                successors.get(e.from()).add(e.to());
            }
        }
    }

    /**
     * One cycle per group of operators that can reach each other (a strongly connected component of more than
     * one operator), as the path from the group's first operator in file order back to itself, e.g.
     * {@code [a, b, c, a]}. Self-loops are not reported here.
     */
    List<List<String>> cycles() {
        List<List<String>> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnectedComponents()) {
            if (component.size() > 1) {
                String start = successors.keySet().stream().filter(component::contains).findFirst().orElseThrow();
                cycles.add(shortestCycleThrough(start, component));
            }
        }
        return cycles;
    }

    /** The operators reachable from {@code starts} (included), following edges forward. */
    Set<String> reachableFrom(Collection<String> starts) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(starts);
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (successors.containsKey(n) && seen.add(n)) {
                todo.addAll(successors.get(n));
            }
        }
        return seen;
    }

    private List<String> shortestCycleThrough(String start, Set<String> component) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String n = queue.poll();
            for (String next : successors.get(n)) {
                if (next.equals(n)) {
                    continue; // a self-loop is reported on its own
                }
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String at = n; at != null; at = parent.get(at)) {
                        path.add(0, at);
                    }
                    path.add(start);
                    return path;
                }
                if (component.contains(next) && !parent.containsKey(next) && !next.equals(start)) {
                    parent.put(next, n);
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start + " in its strongly connected component");
    }

    /** Tarjan's algorithm; pipelines are small, so recursion depth is no concern. */
    private List<Set<String>> stronglyConnectedComponents() {
        Tarjan t = new Tarjan();
        for (String n : successors.keySet()) {
            if (!t.index.containsKey(n)) {
                t.visit(n);
            }
        }
        return t.components;
    }

    private final class Tarjan {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> lowLink = new HashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final Set<String> onStack = new LinkedHashSet<>();
        final List<Set<String>> components = new ArrayList<>();

        void visit(String n) {
            index.put(n, index.size());
            lowLink.put(n, index.get(n));
            stack.push(n);
            onStack.add(n);
            for (String next : successors.get(n)) {
                if (!index.containsKey(next)) {
                    visit(next);
                    lowLink.put(n, Math.min(lowLink.get(n), lowLink.get(next)));
                } else if (onStack.contains(next)) {
                    lowLink.put(n, Math.min(lowLink.get(n), index.get(next)));
                }
            }
            if (lowLink.get(n).equals(index.get(n))) {
                Set<String> component = new LinkedHashSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(n));
                components.add(component);
            }
        }
    }
}
