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
import org.checkpointlab.model.pipeline.ValidationProblem.Kind;

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
        List<ValidationProblem> found = findings(spec);
        if (!found.isEmpty()) {
            throw PipelineException.of(found);
        }
    }

    /**
     * Every problem of the pipeline in English, in a stable order (operators, edges, graph, checkpointing); empty
     * if none.
     */
    public static List<String> problems(PipelineSpec spec) {
        return findings(spec).stream().map(ValidationProblem::english).toList();
    }

    /** Every problem of the pipeline as facts, in the order of {@link #problems(PipelineSpec)}; empty if none. */
    public static List<ValidationProblem> findings(PipelineSpec spec) {
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
        private final List<ValidationProblem> problems = new ArrayList<>();
        /** First operator with each id. */
        private final Map<String, OperatorSpec> operators = new LinkedHashMap<>();
        /** Kind of each operator whose kind is known. */
        private final Map<String, OperatorKind> kinds = new LinkedHashMap<>();
        /** Edges whose ends both exist. */
        private final List<EdgeSpec> edges = new ArrayList<>();

        Run(PipelineSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        private void add(Kind kind, Object... args) {
            problems.add(ValidationProblem.of(kind, args));
        }

        List<ValidationProblem> check() {
            if (spec.operators().isEmpty()) {
                add(Kind.NO_OPERATORS);
            }
            checkOperators();
            checkEdges();
            checkInputsAndOutputs();
            checkGraph();
            problems.addAll(spec.checkpointing().formFindings());
            for (org.checkpointlab.model.checkpoint.OptionProblem p : spec.checkpointing().optionFindings()) {
                problems.add(ValidationProblem.checkpointing(p));
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
                    add(Kind.BLANK_ID, number, op.kind());
                    continue;
                }
                String where = op.id();
                if (operators.containsKey(op.id())) {
                    continue; // reported with the first one
                }
                operators.put(op.id(), op);
                if (idCounts.get(op.id()) > 1) {
                    add(Kind.DUPLICATE_ID, where, idCounts.get(op.id()));
                }
                checkParallelism(op, where);
                Optional<OperatorKind> kind = OperatorKind.byJsonName(op.kind());
                if (kind.isEmpty()) {
                    add(Kind.UNKNOWN_KIND, where, op.kind(), String.join(", ", OperatorKind.jsonNames()));
                    continue;
                }
                kinds.put(op.id(), kind.get());
                checkParams(op, kind.get(), where);
            }
        }

        private void checkParallelism(OperatorSpec op, String where) {
            Integer maxP = op.maxParallelism();
            if (op.parallelism() < 1) {
                add(Kind.PARALLELISM_TOO_LOW, where, op.parallelism());
            }
            if (maxP != null && (maxP < 1 || maxP > UPPER_BOUND_MAX_PARALLELISM)) {
                add(Kind.MAX_PARALLELISM_OUT_OF_RANGE, where, UPPER_BOUND_MAX_PARALLELISM, maxP);
            } else if (maxP != null && op.parallelism() > maxP) {
                add(Kind.PARALLELISM_ABOVE_MAX, where, op.parallelism(), maxP);
            } else if (maxP == null && op.parallelism() > UPPER_BOUND_MAX_PARALLELISM) {
                add(Kind.PARALLELISM_TOO_HIGH, where, UPPER_BOUND_MAX_PARALLELISM, op.parallelism());
            }
        }

        private void checkParams(OperatorSpec op, OperatorKind kind, String where) {
            for (Map.Entry<String, Object> e : op.params().entrySet()) {
                Optional<ParamSpec> param = kind.param(e.getKey());
                if (param.isEmpty()) {
                    if (kind.params().isEmpty()) {
                        add(Kind.UNKNOWN_PARAM_NONE, where, e.getKey(), kind.jsonName());
                    } else {
                        add(Kind.UNKNOWN_PARAM, where, e.getKey(), kind.jsonName(), kind.paramNames());
                    }
                } else {
                    param.get().problem(e.getValue()).ifPresent(p -> add(Kind.BAD_PARAM, where, e.getKey(), p));
                }
            }
            for (ParamSpec p : kind.params()) {
                if (p.required() && !op.params().containsKey(p.name())) {
                    add(Kind.MISSING_PARAM, where, p.name(), p.description());
                }
            }
        }

        private void checkEdges() {
            Map<List<String>, Integer> seen = new HashMap<>();
            for (EdgeSpec e : spec.edges()) {
                boolean ends = true;
                for (String end : List.of(e.from(), e.to())) {
                    if (!operators.containsKey(end)) {
                        add(Kind.NO_SUCH_OPERATOR, e.from(), e.to(), end);
                        ends = false;
                        break;
                    }
                }
                if (!ends) {
                    continue;
                }
                if (e.from().equals(e.to())) {
                    add(Kind.SELF_INPUT, e.from(), e.to());
                    continue;
                }
                int times = seen.merge(List.of(e.from(), e.to()), 1, Integer::sum);
                if (times == 2) {
                    add(Kind.DUPLICATE_EDGE, e.from(), e.to());
                }
                if (times > 1) {
                    continue;
                }
                edges.add(e);
                OperatorSpec from = operators.get(e.from());
                OperatorSpec to = operators.get(e.to());
                if (e.partitioning() == Partitioning.FORWARD && from.parallelism() != to.parallelism()) {
                    add(Kind.FORWARD_PARALLELISM, from.id(), to.id(), from.parallelism(), to.parallelism());
                }
                OperatorKind toKind = kinds.get(e.to());
                if (toKind != null && toKind.keyed() && e.partitioning() != Partitioning.HASH) {
                    add(Kind.KEYED_NEEDS_HASH, e.from(), to.id(), toKind.jsonName(), e.partitioning().jsonName());
                }
            }
        }

        private void checkInputsAndOutputs() {
            for (Map.Entry<String, OperatorKind> entry : kinds.entrySet()) {
                String id = entry.getKey();
                OperatorKind kind = entry.getValue();
                List<String> inputs = edges.stream().filter(e -> e.to().equals(id)).map(EdgeSpec::from).toList();
                List<String> outputs = edges.stream().filter(e -> e.from().equals(id)).map(EdgeSpec::to).toList();
                if (kind.role() == OperatorKind.Role.SOURCE && !inputs.isEmpty()) {
                    add(Kind.SOURCE_HAS_INPUTS, id, inputs.size(), String.join(", ", inputs));
                } else if (kind.role() != OperatorKind.Role.SOURCE && inputs.isEmpty()) {
                    add(Kind.NO_INPUT, id);
                } else if (inputs.size() < kind.minInputs() || inputs.size() > kind.maxInputs()) {
                    addInputRange(id, kind, inputs.size());
                }
                if (kind.role() == OperatorKind.Role.SINK && !outputs.isEmpty()) {
                    add(Kind.SINK_HAS_OUTPUTS, id, outputs.size(), String.join(", ", outputs));
                }
            }
        }

        private void addInputRange(String id, OperatorKind kind, int has) {
            if (kind.maxInputs() == Integer.MAX_VALUE) {
                add(Kind.INPUTS_AT_LEAST, id, kind.jsonName(), kind.minInputs(), has);
            } else if (kind.minInputs() == kind.maxInputs()) {
                add(Kind.INPUTS_EXACTLY, id, kind.jsonName(), kind.minInputs(), has);
            } else {
                add(Kind.INPUTS_BETWEEN, id, kind.jsonName(), kind.minInputs(), kind.maxInputs(), has);
            }
        }

        private void checkGraph() {
            if (operators.isEmpty()) {
                return;
            }
            List<String> sources = ids(OperatorKind.Role.SOURCE);
            if (sources.isEmpty()) {
                add(Kind.NO_SOURCE);
            }
            if (ids(OperatorKind.Role.SINK).isEmpty()) {
                add(Kind.NO_SINK);
            }
            PipelineGraph graph = new PipelineGraph(operators.keySet(), edges);
            for (List<String> cycle : graph.cycles()) {
                add(Kind.CYCLE, String.join(" -> ", cycle));
            }
            if (!sources.isEmpty()) {
                Set<String> reachable = graph.reachableFrom(sources);
                for (String id : operators.keySet()) {
                    boolean hasInput = edges.stream().anyMatch(e -> e.to().equals(id));
                    if (!reachable.contains(id) && hasInput) {
                        add(Kind.UNREACHABLE, id);
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
