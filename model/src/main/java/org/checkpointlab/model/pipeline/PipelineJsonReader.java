package org.checkpointlab.model.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reading a pipeline file's text: the strict JSON tree, then its form, collecting every problem (unknown fields,
 * missing fields, values of the wrong type, each naming the operator or edge and the field) before failing.
 * {@link PipelineJson} is the public face.
 */
final class PipelineJsonReader {
    private static final List<String> TOP_FIELDS =
            List.of("format", "name", "chaining", "operators", "edges", "checkpointing", "layout");
    private static final List<String> OPERATOR_FIELDS =
            List.of("id", "name", "kind", "parallelism", "maxParallelism", "params");
    private static final List<String> EDGE_FIELDS = List.of("from", "to", "partitioning");

    private PipelineJsonReader() {
    }

    static PipelineFile parseFile(String sourceName, String json) throws PipelineException {
        Object tree;
        try {
            tree = StrictJsonTree.read(json);
        } catch (StrictJsonTree.SyntaxError e) {
            throw new PipelineException(sourceName + ": " + e.getMessage());
        }
        Problems problems = new Problems(sourceName);
        PipelineSpec spec = toSpec(tree, problems);
        Map<String, CardPosition> layout = spec == null ? Map.of()
                : layout(asObject(tree).get("layout"), spec, problems);
        if (!problems.list.isEmpty()) {
            throw new PipelineException(problems.list);
        }
        return new PipelineFile(spec, layout);
    }

    /** The problems found so far, each prefixed with the source name. */
    private static final class Problems {
        final String source;
        final List<String> list = new ArrayList<>();

        Problems(String source) {
            this.source = source;
        }

        void add(String where, String what) {
            list.add(source + ": " + (where.isEmpty() ? "" : where + ": ") + what);
        }
    }

    private static PipelineSpec toSpec(Object tree, Problems problems) {
        if (!(tree instanceof Map<?, ?>)) {
            problems.add("", "a pipeline file holds one JSON object, found " + JsonValues.typeName(tree));
            return null;
        }
        Map<String, Object> top = asObject(tree);
        Object format = top.get("format");
        if (!top.containsKey("format")) {
            problems.add("", "missing field \"format\" (this version reads format " + PipelineSpec.CURRENT_FORMAT
                    + ")");
            return null;
        }
        if (!(format instanceof Long f) || f != PipelineSpec.CURRENT_FORMAT) {
            problems.add("", "unsupported format " + JsonValues.describe(format) + "; this version reads format "
                    + PipelineSpec.CURRENT_FORMAT + " only");
            return null;
        }
        unknownFields(top, TOP_FIELDS, "", problems);
        String name = string(top, "name", true, "", problems).orElse("");
        boolean chaining = bool(top, "chaining", "", problems).orElse(true);
        List<OperatorSpec> operators = new ArrayList<>();
        List<Object> opTrees = array(top, "operators", "", problems);
        for (int i = 0; i < opTrees.size(); i++) {
            toOperator(opTrees.get(i), i + 1, problems).ifPresent(operators::add);
        }
        List<EdgeSpec> edges = new ArrayList<>();
        List<Object> edgeTrees = array(top, "edges", "", problems);
        for (int i = 0; i < edgeTrees.size(); i++) {
            toEdge(edgeTrees.get(i), i + 1, problems).ifPresent(edges::add);
        }
        CheckpointingConfig checkpointing = checkpointing(top.get("checkpointing"), problems);
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, name, operators, edges, checkpointing, chaining);
    }

    private static Optional<OperatorSpec> toOperator(Object tree, int number, Problems problems) {
        if (!(tree instanceof Map<?, ?>)) {
            problems.add("operator #" + number, "must be an object, was " + JsonValues.typeName(tree));
            return Optional.empty();
        }
        Map<String, Object> o = asObject(tree);
        String where = o.get("id") instanceof String id && !id.isBlank() ? "operator '" + id + "'"
                : "operator #" + number;
        int before = problems.list.size();
        unknownFields(o, OPERATOR_FIELDS, where, problems);
        Optional<String> id = string(o, "id", true, where, problems);
        Optional<String> name = string(o, "name", false, where, problems);
        Optional<String> kind = string(o, "kind", true, where, problems);
        Optional<Integer> parallelism = integer(o, "parallelism", true, where, problems);
        Optional<Integer> maxParallelism = integer(o, "maxParallelism", false, where, problems);
        Map<String, Object> params = params(o.get("params"), where, problems);
        if (problems.list.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new OperatorSpec(id.orElseThrow(), name.orElse(null), kind.orElseThrow(),
                parallelism.orElseThrow(), maxParallelism.orElse(null), params));
    }

    private static Optional<EdgeSpec> toEdge(Object tree, int number, Problems problems) {
        if (!(tree instanceof Map<?, ?>)) {
            problems.add("edge #" + number, "must be an object, was " + JsonValues.typeName(tree));
            return Optional.empty();
        }
        Map<String, Object> e = asObject(tree);
        String where = e.get("from") instanceof String f && e.get("to") instanceof String t
                ? "edge " + f + " -> " + t : "edge #" + number;
        int before = problems.list.size();
        unknownFields(e, EDGE_FIELDS, where, problems);
        Optional<String> from = string(e, "from", true, where, problems);
        Optional<String> to = string(e, "to", true, where, problems);
        Optional<String> partitioning = string(e, "partitioning", true, where, problems);
        Partitioning p = null;
        if (partitioning.isPresent()) {
            try {
                p = Partitioning.fromJsonName(partitioning.get());
            } catch (IllegalArgumentException ex) {
                problems.add(where, ex.getMessage());
            }
        }
        if (problems.list.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new EdgeSpec(from.orElseThrow(), to.orElseThrow(), p));
    }

    private static Map<String, Object> params(Object tree, String where, Problems problems) {
        if (tree == null) {
            return Map.of();
        }
        if (!(tree instanceof Map<?, ?>)) {
            problems.add(where, "\"params\" must be an object, was " + JsonValues.typeName(tree));
            return Map.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        asObject(tree).forEach((name, value) -> {
            if (value == null) {
                problems.add(where, "parameter '" + name + "' is null; leave it out to use the default");
            } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
                problems.add(where, "parameter '" + name + "' must be a number, text or true/false, was "
                        + JsonValues.typeName(value));
            } else {
                params.put(name, value);
            }
        });
        return params;
    }

    /** The optional layout section: per operator of the pipeline, an object with numbers {@code x} and {@code y}. */
    private static Map<String, CardPosition> layout(Object tree, PipelineSpec spec, Problems problems) {
        if (tree == null) {
            return Map.of();
        }
        if (!(tree instanceof Map<?, ?>)) {
            problems.add("layout", "must be an object (operator id to {\"x\": ..., \"y\": ...}), was "
                    + JsonValues.typeName(tree));
            return Map.of();
        }
        Map<String, CardPosition> layout = new LinkedHashMap<>();
        asObject(tree).forEach((id, value) -> {
            String where = "layout: '" + id + "'";
            if (spec.operators().stream().noneMatch(o -> o.id().equals(id))) {
                problems.add(where, "no operator has this id");
                return;
            }
            if (!(value instanceof Map<?, ?>)) {
                problems.add(where, "must be an object {\"x\": ..., \"y\": ...}, was " + JsonValues.typeName(value));
                return;
            }
            Map<String, Object> xy = asObject(value);
            int before = problems.list.size();
            unknownFields(xy, List.of("x", "y"), where, problems);
            double[] at = new double[2];
            String[] names = {"x", "y"};
            for (int i = 0; i < 2; i++) {
                Object v = xy.get(names[i]);
                if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                    at[i] = n.doubleValue();
                } else {
                    problems.add(where, "\"" + names[i] + "\" must be a number, was " + JsonValues.typeName(v));
                }
            }
            if (problems.list.size() == before) {
                layout.put(id, new CardPosition(at[0], at[1]));
            }
        });
        return layout;
    }

    /** Keeps the section's values as written (see {@link CheckpointingConfig#written}). */
    private static CheckpointingConfig checkpointing(Object tree, Problems problems) {
        if (tree == null) {
            return CheckpointingConfig.NONE;
        }
        if (!(tree instanceof Map<?, ?>)) {
            problems.add("checkpointing", "must be an object, was " + JsonValues.typeName(tree));
            return CheckpointingConfig.NONE;
        }
        Map<String, Object> section = new LinkedHashMap<>();
        asObject(tree).forEach((key, value) -> {
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                problems.add("checkpointing", "\"" + key + "\" must be text, a number or true/false, was "
                        + JsonValues.typeName(value));
            } else {
                section.put(key, value);
            }
        });
        return CheckpointingConfig.written(section);
    }

    private static void unknownFields(Map<String, Object> object, List<String> known, String where,
                                      Problems problems) {
        for (String field : object.keySet()) {
            if (!known.contains(field)) {
                problems.add(where, "unknown field \"" + field + "\" (known fields: " + String.join(", ", known)
                        + ")");
            }
        }
    }

    private static Optional<String> string(Map<String, Object> o, String field, boolean required, String where,
                                           Problems problems) {
        return field(o, field, required, where, problems, "text", v -> v instanceof String s ? s : null);
    }

    private static Optional<Boolean> bool(Map<String, Object> o, String field, String where, Problems problems) {
        return field(o, field, false, where, problems, "true or false", v -> v instanceof Boolean b ? b : null);
    }

    private static Optional<Integer> integer(Map<String, Object> o, String field, boolean required, String where,
                                             Problems problems) {
        return field(o, field, required, where, problems, "a whole number",
                v -> v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? l.intValue() : null);
    }

    /** The field's value as {@code typed} gives it; null from {@code typed} means the wrong type: a problem. */
    private static <T> Optional<T> field(Map<String, Object> o, String field, boolean required, String where,
                                         Problems problems, String expected, Function<Object, T> typed) {
        Object v = o.get(field);
        if (v == null) {
            if (required) {
                problems.add(where, "missing field \"" + field + "\"");
            }
            return Optional.empty();
        }
        T value = typed.apply(v);
        if (value == null) {
            problems.add(where, "\"" + field + "\" must be " + expected + ", was " + JsonValues.describe(v));
        }
        return Optional.ofNullable(value);
    }

    private static List<Object> array(Map<String, Object> o, String field, String where, Problems problems) {
        Object v = o.get(field);
        if (v == null) {
            problems.add(where, "missing field \"" + field + "\"");
            return List.of();
        }
        if (v instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        problems.add(where, "\"" + field + "\" must be an array, was " + JsonValues.typeName(v));
        return List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object tree) {
        return (Map<String, Object>) tree;
    }
}
