package org.checkpointlab.model.pipeline;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of operator kinds a pipeline may use: for each, its name in pipeline files, its role, how many
 * inputs it takes, whether it is keyed (then every input edge must be {@code hash}, as after Flink's
 * {@code keyBy}), its group in the editor's palette, a description for users and its parameters.
 */
public enum OperatorKind {
    SEQUENCE_SOURCE("sequence-source", Role.SOURCE, Group.SOURCES, false,
            "Emits records 0, 1, 2, ... where record i has key i % keys and value i; replays from its offset.",
            ParamSpec.ofLong("count", 1_000_000, 0L, null, "Number of records to emit; 0 = unbounded."),
            ParamSpec.ofLong("keys", 100, 1L, null, "Number of distinct keys."),
            ParamSpec.ofLong("ratePerSecond", 0, 0L, null,
                    "Records per second per subtask; 0 = as fast as possible.")),
    SENTENCE_SOURCE("sentence-source", Role.SOURCE, Group.SOURCES, false,
            "Emits sentences of random words, the same ones again when it replays from its offset.",
            ParamSpec.ofLong("count", 100_000, 0L, null, "Number of sentences to emit; 0 = unbounded."),
            ParamSpec.ofLong("ratePerSecond", 0, 0L, null,
                    "Sentences per second per subtask; 0 = as fast as possible."),
            ParamSpec.ofLong("seed", 42, null, null, "Seed of the random words; the same seed gives the same text.")),
    MAP("map", Role.TRANSFORM, Group.TRANSFORMATIONS, false,
            "Replaces each numeric value v by v * multiply + add.",
            ParamSpec.ofLong("multiply", 1, null, null, "Factor applied to each value."),
            ParamSpec.ofLong("add", 0, null, null, "Added to each value after multiplying.")),
    FILTER("filter", Role.TRANSFORM, Group.TRANSFORMATIONS, false,
            "Keeps only the records whose numeric value v has v % modulo == remainder.",
            ParamSpec.ofLong("modulo", 2, 1L, null, "Divisor of the test."),
            ParamSpec.ofLong("remainder", 0, 0L, null, "Remainder a value must leave to be kept.")),
    FLAT_MAP_WORDS("flat-map-words", Role.TRANSFORM, Group.TRANSFORMATIONS, false,
            "Splits each sentence into words and emits a (word, 1) record per word.",
            ParamSpec.ofBoolean("lowercase", true, "Whether words are lower-cased.")),
    KEYED_COUNT("keyed-count", Role.TRANSFORM, Group.KEYED, true,
            "Counts the records of each key in keyed state and emits (key, running count)."),
    KEYED_SUM("keyed-sum", Role.TRANSFORM, Group.KEYED, true,
            "Sums the numeric values of each key in keyed state and emits (key, running sum)."),
    TUMBLING_WINDOW_COUNT("tumbling-window-count", Role.TRANSFORM, Group.WINDOWS, true,
            "Counts the records of each key in tumbling windows and emits (key, count) when a window closes.",
            ParamSpec.ofLong("size", 1000, 1L, null, "Window size, in records or milliseconds (see unit)."),
            ParamSpec.ofEnum("unit", "count", List.of("count", "ms"),
                    "count: a window per key closes every size records; ms: processing-time windows.")),
    DEDUP("dedup", Role.TRANSFORM, Group.KEYED, true,
            "Forwards a record only the first time its value is seen for its key; the seen values are keyed state."),
    UNION("union", Role.TRANSFORM, Group.TRANSFORMATIONS, false, 2, Integer.MAX_VALUE,
            "Merges two or more inputs into one stream; records are not changed."),
    SLOW("slow", Role.TRANSFORM, Group.TRANSFORMATIONS, false,
            "Spends CPU time on every record before forwarding it unchanged, which backpressures the operators "
                    + "before it.",
            ParamSpec.ofLong("costMicros", 20, 0L, null, "Microseconds of work per record."),
            ParamSpec.ofLong("jitterMicros", 0, 0L, null, "Random variation of the cost, plus or minus.")),
    DISCARD_SINK("discard-sink", Role.SINK, Group.SINKS, false,
            "Counts and drops every record."),
    COLLECT_SINK("collect-sink", Role.SINK, Group.SINKS, false,
            "Shows every record at once, without transactions: records replayed after a failure appear twice."),
    TRANSACTIONAL_SINK("transactional-sink", Role.SINK, Group.SINKS, false,
            "Pre-commits a transaction at each checkpoint barrier and commits it when the checkpoint completes "
                    + "(two-phase commit), so its committed output is exactly-once.",
            ParamSpec.ofString("path", false, "Directory for the committed part files; none = in memory only."));

    /** What an operator does in the dataflow; decides how many inputs and outputs it may have. */
    public enum Role {
        /** Reads from outside; no inputs. */
        SOURCE,
        /** Turns input records into output records. */
        TRANSFORM,
        /** Writes to outside; no outputs. */
        SINK
    }

    /** A section of the editor's palette. */
    public enum Group {
        SOURCES("Sources"),
        TRANSFORMATIONS("Transformations"),
        KEYED("Keyed / stateful"),
        WINDOWS("Windows"),
        SINKS("Sinks");

        private final String displayName;

        Group(String displayName) {
            this.displayName = displayName;
        }

        /** The section title shown to users. */
        public String displayName() {
            return displayName;
        }
    }

    private final String jsonName;
    private final Role role;
    private final Group group;
    private final boolean keyed;
    private final int minInputs;
    private final int maxInputs;
    private final String description;
    private final List<ParamSpec> params;

    OperatorKind(String jsonName, Role role, Group group, boolean keyed, String description, ParamSpec... params) {
        this(jsonName, role, group, keyed, role == Role.SOURCE ? 0 : 1, role == Role.SOURCE ? 0 : 1, description,
                params);
    }

    OperatorKind(String jsonName, Role role, Group group, boolean keyed, int minInputs, int maxInputs,
                 String description, ParamSpec... params) {
        this.jsonName = jsonName;
        this.role = role;
        this.group = group;
        this.keyed = keyed;
        this.minInputs = minInputs;
        this.maxInputs = maxInputs;
        this.description = description;
        this.params = List.of(params);
    }

    /** The kind whose pipeline-file name is {@code jsonName}, e.g. {@code "keyed-count"}. */
    public static Optional<OperatorKind> byJsonName(String jsonName) {
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(jsonName)).findFirst();
    }

    /** Every kind's pipeline-file name, in palette order. */
    public static List<String> jsonNames() {
        return Arrays.stream(values()).map(OperatorKind::jsonName).toList();
    }

    /** Name in pipeline files, e.g. {@code "keyed-count"}. */
    public String jsonName() {
        return jsonName;
    }

    public Role role() {
        return role;
    }

    public Group group() {
        return group;
    }

    /** Whether the operator has keyed state, so that every input edge must be {@code hash}-partitioned. */
    public boolean keyed() {
        return keyed;
    }

    /** Fewest input edges the operator needs (0 for sources). */
    public int minInputs() {
        return minInputs;
    }

    /** Most input edges the operator takes ({@link Integer#MAX_VALUE} for "any number"). */
    public int maxInputs() {
        return maxInputs;
    }

    /** One sentence for users. */
    public String description() {
        return description;
    }

    /** The parameters, in the order the editor shows them. */
    public List<ParamSpec> params() {
        return params;
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The parameter names, for messages, e.g. {@code "costMicros, jitterMicros"}; {@code "none"} if none. */
    public String paramNames() {
        return params.isEmpty() ? "none" : String.join(", ", params.stream().map(ParamSpec::name).toList());
    }

    /**
     * The operator's parameters with defaults filled in, each as its type's Java class ({@link Long},
     * {@link Double}, {@link Boolean}, {@link String}), in declaration order; parameters without value and
     * default are absent. Unmodifiable.
     *
     * @throws IllegalArgumentException naming the operator and parameter when {@code operator} is of another
     *                                  kind, has an unknown parameter or an invalid value (run
     *                                  {@link PipelineValidator} first to get every problem at once)
     */
    public Map<String, Object> resolvedParams(OperatorSpec operator) {
        String where = "operator '" + operator.id() + "': ";
        if (!operator.kind().equals(jsonName)) {
            throw new IllegalArgumentException(where + "is a " + operator.kind() + ", not a " + jsonName);
        }
        for (String name : operator.params().keySet()) {
            if (param(name).isEmpty()) {
                throw new IllegalArgumentException(where + "unknown parameter '" + name + "' for " + jsonName
                        + " (parameters: " + paramNames() + ")");
            }
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (ParamSpec p : params) {
            Object value = operator.params().containsKey(p.name()) ? operator.params().get(p.name())
                    : p.defaultValue();
            if (value == null) {
                if (p.required()) {
                    throw new IllegalArgumentException(where + "missing required parameter '" + p.name() + "'");
                }
                continue;
            }
            try {
                resolved.put(p.name(), p.coerce(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableMap(resolved);
    }

    /** Typed access to {@link #resolvedParams(OperatorSpec)}. */
    public OperatorParams paramsOf(OperatorSpec operator) {
        return new OperatorParams(operator.id(), resolvedParams(operator));
    }
}
