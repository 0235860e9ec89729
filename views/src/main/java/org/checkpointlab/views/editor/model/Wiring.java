package org.checkpointlab.views.editor.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.views.i18n.Texts;

/**
 * The wiring rules of {@code PipelineValidator}, asked about one edge before it is made, so that the editor can
 * refuse it at once with the reason instead of marking it afterwards.
 */
final class Wiring {
    private Wiring() {
    }

    /** Why the partitioning cannot be used on an edge between these operators; empty when it can. */
    static Optional<String> partitioningProblem(OperatorSpec from, OperatorSpec to, Partitioning partitioning) {
        if (partitioning == Partitioning.FORWARD && from.parallelism() != to.parallelism()) {
            return Optional.of(Texts.format("wiring.forward", from.id(), from.parallelism(), to.id(),
                    to.parallelism()));
        }
        Optional<OperatorKind> toKind = OperatorKind.byJsonName(to.kind());
        if (toKind.isPresent() && toKind.get().keyed() && partitioning != Partitioning.HASH) {
            return Optional.of(Texts.format("wiring.keyed", to.id(), to.kind(), partitioning.jsonName()));
        }
        return Optional.empty();
    }

    /** Why a new edge {@code from -> to} cannot be added to the pipeline; empty when it can. */
    static Optional<String> connectionProblem(EditablePipeline pipeline, OperatorSpec from, OperatorSpec to,
                                              Partitioning partitioning) {
        if (from.id().equals(to.id())) {
            return Optional.of(Texts.get("wiring.self"));
        }
        if (pipeline.edge(from.id(), to.id()).isPresent()) {
            return Optional.of(Texts.get("wiring.already"));
        }
        Optional<OperatorKind> fromKind = OperatorKind.byJsonName(from.kind());
        Optional<OperatorKind> toKind = OperatorKind.byJsonName(to.kind());
        if (toKind.isPresent() && toKind.get().role() == OperatorKind.Role.SOURCE) {
            return Optional.of(Texts.format("wiring.source", to.id(), to.kind()));
        }
        if (fromKind.isPresent() && fromKind.get().role() == OperatorKind.Role.SINK) {
            return Optional.of(Texts.format("wiring.sink", from.id(), from.kind()));
        }
        if (toKind.isPresent()) {
            List<String> inputs = pipeline.spec().inputsOf(to.id()).stream().map(EdgeSpec::from).toList();
            if (inputs.size() >= toKind.get().maxInputs()) {
                return Optional.of(Texts.format(toKind.get().maxInputs() == 1 ? "wiring.maxInputs.one"
                        : "wiring.maxInputs.many", to.id(), to.kind(), toKind.get().maxInputs(),
                        String.join(", ", inputs)));
            }
        }
        Optional<List<String>> path = path(pipeline, to.id(), from.id());
        if (path.isPresent()) {
            List<String> cycle = new ArrayList<>(path.get());
            cycle.add(to.id());
            return Optional.of(Texts.format("wiring.cycle", String.join(" -> ", cycle)));
        }
        return partitioningProblem(from, to, partitioning);
    }

    /** A path of operator ids from {@code start} to {@code goal} along existing edges, if there is one. */
    private static Optional<List<String>> path(EditablePipeline pipeline, String start, String goal) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        cameFrom.put(start, start);
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (id.equals(goal)) {
                List<String> path = new ArrayList<>();
                for (String at = goal; ; at = cameFrom.get(at)) {
                    path.add(0, at);
                    if (at.equals(start)) {
                        return Optional.of(path);
                    }
                }
            }
            for (EdgeSpec e : pipeline.spec().outputsOf(id)) {
                if (cameFrom.putIfAbsent(e.to(), id) == null) {
                    queue.add(e.to());
                }
            }
        }
        return Optional.empty();
    }
}
