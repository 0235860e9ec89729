package org.checkpointlab.model.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks whether a pipeline can run, collecting every problem at once, each naming where it is:
 * {@code operator 'count': ...}, {@code edge source -> count: ...}, {@code cycle a -> b -> a: ...} or
 * {@code checkpointing: ...}.
 *
 * <p>Checked: the pipeline has operators, at least one source and one sink, and every operator is reachable from
 * a source; ids are unique and not blank; kinds are known; parameters are known, of the right type and in range;
 * parallelism is at least 1 and at most the max parallelism (1 to {@value #UPPER_BOUND_MAX_PARALLELISM});
 * edges join existing operators, are not repeated, do not loop; forward edges join equal parallelism; sources
 * have no inputs and sinks no outputs; each operator has the number of inputs its kind takes; keyed operators
 * read only {@code hash} edges; the checkpointing section is valid.
 */
public final class PipelineValidator {

    /** Flink's upper bound for max parallelism (number of key groups): 2^15. */
    public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;
    private static final int DEFAULT_LOWER_BOUND_MAX_PARALLELISM = 128;

    private PipelineValidator() {
    }

    /**
     * @throws PipelineException listing every problem, when there is any
     */
    public static void validate(PipelineSpec spec) throws PipelineException {
        List<String> problems = problems(spec);
        if (!problems.isEmpty()) {
            throw new PipelineException(problems);
        }
    }

    /** Every problem of the pipeline, in a stable order (operators, edges, graph, checkpointing); empty if none. */
    public static List<String> problems(PipelineSpec spec) {
        return new Run(spec).check();
    }

    /**
     * Flink's default max parallelism for an operator of parallelism {@code p}:
     * {@code min(max(roundUpToPowerOfTwo(p + p/2), 128), 32768)}.
     */
    public static int defaultMaxParallelism(int parallelism) {
        long wanted = (long) parallelism + parallelism / 2;
        long powerOfTwo = wanted <= 1 ? 1 : Long.highestOneBit(wanted - 1) << 1;
        return (int) Math.min(Math.max(powerOfTwo, DEFAULT_LOWER_BOUND_MAX_PARALLELISM),
                UPPER_BOUND_MAX_PARALLELISM);
    }

    /** The operator's max parallelism: as given, or {@link #defaultMaxParallelism(int)}. */
    public static int effectiveMaxParallelism(OperatorSpec operator) {
        return operator.maxParallelism() != null ? operator.maxParallelism()
                : defaultMaxParallelism(operator.parallelism());
    }

    /** One validation: the pipeline, lookups built once, and the problems found. */
    private static final class Run {
        private final PipelineSpec spec;
        private final List<String> problems = new ArrayList<>();
        /** First operator with each id. */
        private final Map<String, OperatorSpec> operators = new LinkedHashMap<>();
        /** Kind of each operator whose kind is known. */
        private final Map<String, OperatorKind> kinds = new LinkedHashMap<>();
        /** Edges whose ends both exist. */
        private final List<EdgeSpec> edges = new ArrayList<>();

        Run(PipelineSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        List<String> check() {
            if (spec.operators().isEmpty()) {
                problems.add("the pipeline has no operators; it needs at least a source and a sink");
            }
            checkOperators();
            checkEdges();
            checkInputsAndOutputs();
            checkGraph();
            for (String p : spec.checkpointing().problems()) {
                problems.add("checkpointing: " + p);
            }
            return List.copyOf(problems);
        }

        private void checkOperators() {
            Map<String, Long> idCounts = spec.operators().stream()
                    .collect(Collectors.groupingBy(OperatorSpec::id, Collectors.counting()));
            int number = 0;
            for (OperatorSpec op : spec.operators()) {
                number++;
                if (op.id().isBlank()) {
                    problems.add("operator #" + number + " (" + op.kind() + "): id must not be blank");
                    continue;
                }
                String where = "operator '" + op.id() + "': ";
                if (operators.containsKey(op.id())) {
                    continue; // reported with the first one
                }
                operators.put(op.id(), op);
                if (idCounts.get(op.id()) > 1) {
                    problems.add(where + "id is used by " + idCounts.get(op.id())
                            + " operators; ids must be unique");
                }
                checkParallelism(op, where);
                Optional<OperatorKind> kind = OperatorKind.byJsonName(op.kind());
                if (kind.isEmpty()) {
                    problems.add(where + "unknown kind '" + op.kind() + "' (known kinds: "
                            + String.join(", ", OperatorKind.jsonNames()) + ")");
                    continue;
                }
                kinds.put(op.id(), kind.get());
                checkParams(op, kind.get(), where);
            }
        }

        private void checkParallelism(OperatorSpec op, String where) {
            Integer maxP = op.maxParallelism();
            if (op.parallelism() < 1) {
                problems.add(where + "parallelism must be at least 1, was " + op.parallelism());
            }
            if (maxP != null && (maxP < 1 || maxP > UPPER_BOUND_MAX_PARALLELISM)) {
                problems.add(where + "max parallelism must be between 1 and " + UPPER_BOUND_MAX_PARALLELISM
                        + ", was " + maxP);
            } else if (maxP != null && op.parallelism() > maxP) {
                problems.add(where + "parallelism " + op.parallelism() + " is larger than max parallelism "
                        + maxP);
            } else if (maxP == null && op.parallelism() > UPPER_BOUND_MAX_PARALLELISM) {
                problems.add(where + "parallelism must be at most " + UPPER_BOUND_MAX_PARALLELISM + ", was "
                        + op.parallelism());
            }
        }

        private void checkParams(OperatorSpec op, OperatorKind kind, String where) {
            for (Map.Entry<String, Object> e : op.params().entrySet()) {
                Optional<ParamSpec> param = kind.param(e.getKey());
                if (param.isEmpty()) {
                    problems.add(where + "unknown parameter '" + e.getKey() + "' for " + kind.jsonName()
                            + (kind.params().isEmpty() ? " (it takes no parameters)"
                            : " (parameters: " + kind.paramNames() + ")"));
                } else {
                    param.get().problem(e.getValue()).ifPresent(p ->
                            problems.add(where + "parameter '" + e.getKey() + "' " + p));
                }
            }
            for (ParamSpec p : kind.params()) {
                if (p.required() && !op.params().containsKey(p.name())) {
                    problems.add(where + "missing required parameter '" + p.name() + "' (" + p.description() + ")");
                }
            }
        }

        private void checkEdges() {
            Map<List<String>, Integer> seen = new HashMap<>();
            for (EdgeSpec e : spec.edges()) {
                String where = "edge " + e.from() + " -> " + e.to() + ": ";
                boolean ends = true;
                for (String end : List.of(e.from(), e.to())) {
                    if (!operators.containsKey(end)) {
                        problems.add(where + "there is no operator '" + end + "'");
                        ends = false;
                        break;
                    }
                }
                if (!ends) {
                    continue;
                }
                if (e.from().equals(e.to())) {
                    problems.add(where + "an operator cannot be its own input");
                    continue;
                }
                int times = seen.merge(List.of(e.from(), e.to()), 1, Integer::sum);
                if (times == 2) {
                    problems.add(where + "duplicate edge; connect two operators at most once");
                }
                if (times > 1) {
                    continue;
                }
                edges.add(e);
                OperatorSpec from = operators.get(e.from());
                OperatorSpec to = operators.get(e.to());
                if (e.partitioning() == Partitioning.FORWARD && from.parallelism() != to.parallelism()) {
                    problems.add(where + "a forward edge needs equal parallelism on both sides, but '" + from.id()
                            + "' has " + from.parallelism() + " and '" + to.id() + "' has " + to.parallelism()
                            + " (use rebalance or hash)");
                }
                OperatorKind toKind = kinds.get(e.to());
                if (toKind != null && toKind.keyed() && e.partitioning() != Partitioning.HASH) {
                    problems.add(where + "'" + to.id() + "' (" + toKind.jsonName() + ") is keyed, so its input "
                            + "must be hash-partitioned, not " + e.partitioning().jsonName());
                }
            }
        }

        private void checkInputsAndOutputs() {
            for (Map.Entry<String, OperatorKind> entry : kinds.entrySet()) {
                String id = entry.getKey();
                OperatorKind kind = entry.getValue();
                String where = "operator '" + id + "': ";
                List<String> inputs = edges.stream().filter(e -> e.to().equals(id)).map(EdgeSpec::from).toList();
                List<String> outputs = edges.stream().filter(e -> e.from().equals(id)).map(EdgeSpec::to).toList();
                if (kind.role() == OperatorKind.Role.SOURCE && !inputs.isEmpty()) {
                    problems.add(where + "a source cannot have inputs, but has " + inputs.size() + " (from "
                            + String.join(", ", inputs) + ")");
                } else if (kind.role() != OperatorKind.Role.SOURCE && inputs.isEmpty()) {
                    problems.add(where + "has no input; every operator but a source needs one");
                } else if (inputs.size() < kind.minInputs() || inputs.size() > kind.maxInputs()) {
                    problems.add(where + kind.jsonName() + " takes " + inputRange(kind) + ", has "
                            + inputs.size());
                }
                if (kind.role() == OperatorKind.Role.SINK && !outputs.isEmpty()) {
                    problems.add(where + "a sink cannot have outputs, but has " + outputs.size() + " (to "
                            + String.join(", ", outputs) + ")");
                }
            }
        }

        private static String inputRange(OperatorKind kind) {
            if (kind.maxInputs() == Integer.MAX_VALUE) {
                return "at least " + kind.minInputs() + " inputs";
            }
            if (kind.minInputs() == kind.maxInputs()) {
                return "exactly " + kind.minInputs() + (kind.minInputs() == 1 ? " input" : " inputs");
            }
            return kind.minInputs() + " to " + kind.maxInputs() + " inputs";
        }

        private void checkGraph() {
            if (operators.isEmpty()) {
                return;
            }
            List<String> sources = ids(OperatorKind.Role.SOURCE);
            if (sources.isEmpty()) {
                problems.add("the pipeline has no source; it needs at least one");
            }
            if (ids(OperatorKind.Role.SINK).isEmpty()) {
                problems.add("the pipeline has no sink; it needs at least one");
            }
            PipelineGraph graph = new PipelineGraph(operators.keySet(), edges);
            for (List<String> cycle : graph.cycles()) {
                problems.add("cycle " + String.join(" -> ", cycle)
                        + ": a pipeline must not loop back on itself");
            }
            if (!sources.isEmpty()) {
                Set<String> reachable = graph.reachableFrom(sources);
                for (String id : operators.keySet()) {
                    boolean hasInput = edges.stream().anyMatch(e -> e.to().equals(id));
                    if (!reachable.contains(id) && hasInput) {
                        problems.add("operator '" + id + "': not reachable from any source");
                    }
                }
            }
        }

        private List<String> ids(OperatorKind.Role role) {
            return operators.keySet().stream()
                    .filter(id -> kinds.get(id) != null && kinds.get(id).role() == role)
                    .toList();
        }
    }
}
