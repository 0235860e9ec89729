package org.checkpointlab.model.pipeline;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import com.google.gson.FormattingStyle;
import com.google.gson.stream.JsonWriter;

/** Writing a pipeline file: {@link PipelineJson#toJson(PipelineSpec, Map)} says what comes out. */
final class PipelineJsonWriter {
    private static final FormattingStyle PRETTY = FormattingStyle.PRETTY.withIndent("  ");
    private static final FormattingStyle ONE_LINE = FormattingStyle.COMPACT.withSpaceAfterSeparators(true);

    private PipelineJsonWriter() {
    }

    static String toJson(PipelineSpec spec, Map<String, CardPosition> layout) {
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
}
