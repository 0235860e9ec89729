package org.checkpointlab.model.pipeline;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import com.google.gson.FormattingStyle;
import com.google.gson.stream.JsonWriter;
import org.checkpointlab.model.util.AtomicFiles;

/**
 * Reads and writes pipeline files (format {@value PipelineSpec#CURRENT_FORMAT}):
 * <pre>
 * {"format": 1, "name": "Word count", "chaining": true,
 *  "operators": [{"id": "words", "name": "Sentences", "kind": "sentence-source", "parallelism": 2,
 *                 "maxParallelism": 128, "params": {"count": 1000}}, ...],
 *  "edges": [{"from": "words", "to": "split", "partitioning": "forward"}, ...],
 *  "checkpointing": {"interval": "1s", "mode": "exactly-once", "unaligned": false}}
 * </pre>
 * {@code chaining} (default true), an operator's {@code name} (default: its id), {@code maxParallelism},
 * {@code params}, {@code checkpointing} and {@code layout} (where the editor drew each operator's card:
 * {@code "layout": {"words": {"x": 40, "y": 120}, ...}}, which the engine ignores) are optional. The JSON must be strict, and unknown fields are errors,
 * so a typo is reported rather than ignored. Reading checks the form of the file only; whether the pipeline can
 * run is {@link PipelineValidator}'s job. Every problem starts with the source name (the file name).
 */
public final class PipelineJson {

    private static final List<String> TOP_FIELDS =
            List.of("format", "name", "chaining", "operators", "edges", "checkpointing", "layout");
    private static final List<String> OPERATOR_FIELDS =
            List.of("id", "name", "kind", "parallelism", "maxParallelism", "params");
    private static final List<String> EDGE_FIELDS = List.of("from", "to", "partitioning");
    private static final FormattingStyle PRETTY = FormattingStyle.PRETTY.withIndent("  ");
    private static final FormattingStyle ONE_LINE = FormattingStyle.COMPACT.withSpaceAfterSeparators(true);

    private PipelineJson() {
    }

    /**
     * Reads a pipeline file (UTF-8).
     *
     * @throws PipelineException when the file cannot be read or is not a well-formed pipeline file; every
     *                           problem starts with the file name
     */
    public static PipelineSpec read(Path file) throws PipelineException {
        return readFile(file).spec();
    }

    /**
     * Reads a pipeline file (UTF-8) with its layout, the positions of the cards when it was saved from the editor.
     *
     * @throws PipelineException as {@link #read(Path)}
     */
    public static PipelineFile readFile(Path file) throws PipelineException {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new PipelineException(source + ": is a directory, not a pipeline file (" + file + ")");
        }
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new PipelineException(source + ": file not found (" + file.toAbsolutePath() + ")");
        } catch (AccessDeniedException e) {
            throw new PipelineException(source + ": cannot read the file, permission denied (" + file + ")");
        } catch (MalformedInputException e) {
            throw new PipelineException(source + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new PipelineException(source + ": cannot read the file: " + e.getMessage());
        }
        return parseFile(source, json);
    }

    /**
     * Parses the text of a pipeline file.
     *
     * @param sourceName where the text comes from (a file name), the start of every problem
     * @throws PipelineException with {@code "<sourceName>: line L, column C: <what>"} for malformed JSON, or with
     *                           every problem of the file's structure (unknown fields, missing fields, values of
     *                           the wrong type, each naming the operator or edge and the field)
     */
    public static PipelineSpec parse(String sourceName, String json) throws PipelineException {
        return parseFile(sourceName, json).spec();
    }

    /** Parses the text of a pipeline file with its layout; problems as {@link #parse(String, String)}. */
    public static PipelineFile parseFile(String sourceName, String json) throws PipelineException {
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

    /**
     * The pipeline as pretty-printed JSON with a stable field order: parameters in the order of their kind's
     * declaration, the checkpointing section in {@link CheckpointOptionsJson#KEYS} order, unknown names after
     * them alphabetically; whole numbers without {@code .0}. {@code parse(s, toJson(p))} equals {@code p}
     * whenever {@code p}'s numbers are {@link Long} or non-integral {@link Double} (as {@code parse} gives them).
     *
     * @throws IllegalArgumentException when a parameter value cannot be written as JSON (e.g. NaN, a list)
     */
    public static String toJson(PipelineSpec spec) {
        return toJson(spec, Map.of());
    }

    /**
     * As {@link #toJson(PipelineSpec)}, with a {@code layout} section after the others holding {@code layout}'s
     * positions (operators of the pipeline only, in operator order, to a tenth of a pixel); none when it is empty.
     */
    public static String toJson(PipelineSpec spec, Map<String, CardPosition> layout) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = new JsonWriter(out)) {
            w.setFormattingStyle(PRETTY);
            w.setSerializeNulls(true);
            w.beginObject();
            w.name("format").value(spec.format());
            w.name("name").value(spec.name());
            w.name("chaining").value(spec.chaining());
            w.name("operators").beginArray();
            for (OperatorSpec op : spec.operators()) {
                writeOperator(w, op);
            }
            w.endArray();
            w.name("edges").beginArray();
            for (EdgeSpec e : spec.edges()) {
                w.beginObject();
                w.setFormattingStyle(ONE_LINE);
                w.name("from").value(e.from());
                w.name("to").value(e.to());
                w.name("partitioning").value(e.partitioning().jsonName());
                w.endObject();
                w.setFormattingStyle(PRETTY);
            }
            w.endArray();
            if (!spec.checkpointing().isEmpty()) {
                w.name("checkpointing");
                w.beginObject();
                w.setFormattingStyle(ONE_LINE);
                writeMap(w, spec.checkpointing().written(), CheckpointOptionsJson.KEYS, "checkpointing");
                w.endObject();
                w.setFormattingStyle(PRETTY);
            }
            writeLayout(w, spec, layout);
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out + "\n";
    }

    /** Writes {@code spec} to {@code file} atomically (a temporary file in the same directory, then a move). */
    public static void write(PipelineSpec spec, Path file) throws IOException {
        write(spec, Map.of(), file);
    }

    /** Writes {@code spec} with the cards' {@code layout} to {@code file} atomically. */
    public static void write(PipelineSpec spec, Map<String, CardPosition> layout, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(spec, layout));
    }

    private static void writeLayout(JsonWriter w, PipelineSpec spec, Map<String, CardPosition> layout)
            throws IOException {
        List<OperatorSpec> placed = spec.operators().stream().filter(o -> layout.containsKey(o.id())).toList();
        if (placed.isEmpty()) {
            return;
        }
        w.name("layout").beginObject();
        for (OperatorSpec op : placed) {
            CardPosition at = layout.get(op.id());
            w.name(op.id()).beginObject();
            w.setFormattingStyle(ONE_LINE);
            w.name("x");
            writeDecimal(w, Math.round(at.x() * 10) / 10.0, "layout: '" + op.id() + "'");
            w.name("y");
            writeDecimal(w, Math.round(at.y() * 10) / 10.0, "layout: '" + op.id() + "'");
            w.endObject();
            w.setFormattingStyle(PRETTY);
        }
        w.endObject();
    }

    private static void writeOperator(JsonWriter w, OperatorSpec op) throws IOException {
        w.beginObject();
        w.name("id").value(op.id());
        w.name("name").value(op.name());
        w.name("kind").value(op.kind());
        w.name("parallelism").value(op.parallelism());
        if (op.maxParallelism() != null) {
            w.name("maxParallelism").value(op.maxParallelism());
        }
        if (!op.params().isEmpty()) {
            List<String> order = OperatorKind.byJsonName(op.kind())
                    .map(k -> k.params().stream().map(ParamSpec::name).toList())
                    .orElse(List.of());
            w.name("params").beginObject();
            w.setFormattingStyle(ONE_LINE);
            writeMap(w, op.params(), order, "operator '" + op.id() + "'");
            w.endObject();
            w.setFormattingStyle(PRETTY);
        }
        w.endObject();
    }

    private static void writeMap(JsonWriter w, Map<String, Object> map, List<String> order, String where)
            throws IOException {
        ToIntFunction<String> rank = k -> order.contains(k) ? order.indexOf(k) : order.size();
        List<String> keys = new ArrayList<>(map.keySet());
        keys.sort(Comparator.comparingInt(rank).thenComparing(Comparator.naturalOrder()));
        for (String key : keys) {
            w.name(key);
            writeScalar(w, map.get(key), where + ": '" + key + "'");
        }
    }

    private static void writeScalar(JsonWriter w, Object value, String where) throws IOException {
        if (value == null) {
            w.nullValue();
        } else if (value instanceof String s) {
            w.value(s);
        } else if (value instanceof Boolean b) {
            w.value(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            w.value((Number) value);
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            writeDecimal(w, (Number) value, where);
        } else {
            throw new IllegalArgumentException(where + " cannot be written as JSON: " + value + " ("
                    + value.getClass().getSimpleName() + ")");
        }
    }

    private static void writeDecimal(JsonWriter w, Number n, String where) throws IOException {
        BigDecimal d;
        try {
            d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " must be a finite number, was " + n, e);
        }
        if (JsonValues.isIntegral(d)) {
            w.value(d.toBigIntegerExact());
        } else {
            w.value(n instanceof BigDecimal ? n : n.doubleValue());
        }
    }

    // ---- reading: tree -> spec, collecting every problem ---------------------------------------------------

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
