package org.checkpointlab.views.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;
import org.checkpointlab.views.i18n.Texts;

/**
 * A requested "rescale via savepoint" of a running job, checked before the job is touched: every named operator
 * exists, each new parallelism is at least 1 and at most the operator's max parallelism (the number of key groups,
 * fixed when the job first started: a savepoint's keyed state cannot be split into more subtasks than it has key
 * groups), and the rescaled pipeline passes {@link PipelineValidator} (e.g. a forward edge needs equal parallelism
 * on both ends). Pure; {@link JobSession#rescale} carries it out.
 *
 * @param running     the pipeline the job runs now (with its parallelism overrides applied)
 * @param changes     the operators whose parallelism changes, new parallelism by id, in the order requested
 * @param parallelism the parallelism of every operator after the rescale
 * @param problems    why it cannot be done; empty when it can
 */
public record RescalePlan(PipelineSpec running, Map<String, Integer> changes, Map<String, Integer> parallelism,
                          List<String> problems) {

    public RescalePlan {
        Objects.requireNonNull(running, "running");
        changes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        parallelism = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parallelism));
        problems = List.copyOf(problems);
    }

    /**
     * Checks {@code wanted} against the running pipeline. Operators not named keep their parallelism; naming one
     * with its current parallelism is allowed and changes nothing.
     */
    public static RescalePlan of(PipelineSpec running, Map<String, Integer> wanted) {
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(wanted, "wanted");
        List<String> problems = new ArrayList<>();
        Map<String, Integer> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : wanted.entrySet()) {
            String id = e.getKey();
            int p = e.getValue();
            var op = running.operator(id);
            if (op.isEmpty()) {
                problems.add(Texts.format("rescalePlan.noOperator", id));
                continue;
            }
            int max = PipelineValidator.effectiveMaxParallelism(op.get());
            if (p < 1) {
                problems.add(Texts.format("rescalePlan.atLeastOne", id, p));
            } else if (p > max) {
                problems.add(Texts.format("rescalePlan.aboveMax", id, p, max));
            } else if (p != op.get().parallelism()) {
                changes.put(id, p);
            }
        }
        Map<String, Integer> all = new LinkedHashMap<>();
        List<OperatorSpec> rescaled = new ArrayList<>();
        for (OperatorSpec op : running.operators()) {
            int p = changes.getOrDefault(op.id(), op.parallelism());
            all.put(op.id(), p);
            // The max parallelism stays what the job runs with, so the validator checks against the key groups.
            rescaled.add(new OperatorSpec(op.id(), op.name(), op.kind(), p,
                    PipelineValidator.effectiveMaxParallelism(op), op.params()));
        }
        if (problems.isEmpty()) {
            if (changes.isEmpty()) {
                problems.add(Texts.get("rescalePlan.nothing"));
            } else {
                problems.addAll(Problems.of(PipelineValidator.findings(running.withOperators(rescaled))));
            }
        }
        return new RescalePlan(running, changes, all, problems);
    }

    public boolean feasible() {
        return problems.isEmpty();
    }

    /** "count 2 → 4, sink 1 → 2". */
    public String describe() {
        return changes.entrySet().stream()
                .map(e -> e.getKey() + " " + running.operator(e.getKey()).orElseThrow().parallelism() + " \u2192 "
                        + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
