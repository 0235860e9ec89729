package org.checkpointlab.app.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Prints an {@link EngineComparison.Result}: a table of median figures per engine and their ratio (local / Flink),
 * each sink's committed output on both, and the key assignment checks; or the same as one JSON object.
 */
final class ComparisonReport {
    private ComparisonReport() {
    }

    static void print(EngineComparison.Result r, PrintWriter out) {
        Map<String, Double> local = EngineRunFigures.medians(r.local());
        Map<String, Double> flink = EngineRunFigures.medians(r.flink());
        out.printf(Locale.ROOT, "'%s' on the local engine and on Apache Flink (embedded), %d pair%s, medians%n",
                r.pipeline(), r.local().size(), r.local().size() == 1 ? "" : "s");
        out.println();
        Table figures = new Table("LRRR", "figure", "local", "flink", "local/flink");
        for (String name : EngineRunFigures.NAMES) {
            figures.row(name, number(local.get(name)), number(flink.get(name)),
                    ratio(local.get(name), flink.get(name)));
        }
        figures.print(out);
        out.println();
        Table sinks = new Table("LRLRLL", "sink", "local committed", "local digest", "flink committed",
                "flink digest", "output");
        for (EngineComparison.SinkComparison s : r.sinks()) {
            sinks.row(s.sinkId(), Formats.count(s.localCount()), s.localDigest(), Formats.count(s.flinkCount()),
                    s.flinkDigest(), s.equal() ? "equal" : r.outputNotComparable() == null ? "DIFFERENT" : "differs");
        }
        if (!r.sinks().isEmpty()) {
            sinks.print(out);
        } else {
            out.println("No sink with output (discard sinks keep none).");
        }
        if (r.outputNotComparable() != null) {
            out.println("Equal output is not expected: " + r.outputNotComparable() + ".");
        }
        out.println();
        for (EngineComparison.KeyCheck k : r.keys()) {
            out.printf(Locale.ROOT, "key -> subtask of '%s' (parallelism %d, max parallelism %d): %s for %s keys%n",
                    k.operatorId(), k.parallelism(), k.maxParallelism(),
                    k.mismatches() == 0 ? "equal to Flink's" : k.mismatches() + " keys DIFFER from Flink's",
                    Formats.count(k.keys()));
        }
    }

    static String toJson(EngineComparison.Result r) {
        JsonObject root = new JsonObject();
        root.addProperty("pipeline", r.pipeline());
        root.addProperty("pairs", r.local().size());
        Map<String, Double> local = EngineRunFigures.medians(r.local());
        Map<String, Double> flink = EngineRunFigures.medians(r.flink());
        JsonArray figures = new JsonArray();
        for (String name : EngineRunFigures.NAMES) {
            JsonObject f = new JsonObject();
            f.addProperty("figure", name);
            f.add("local", json(local.get(name)));
            f.add("flink", json(flink.get(name)));
            double ratio = local.get(name) / flink.get(name);
            f.add("ratio", Double.isFinite(ratio) ? new JsonPrimitive(ratio) : JsonNull.INSTANCE);
            figures.add(f);
        }
        root.add("figures", figures);
        root.add("sinks", CliJson.array(r.sinks(), ComparisonReport::sink));
        root.add("outputNotComparable", r.outputNotComparable() == null ? JsonNull.INSTANCE
                : new JsonPrimitive(r.outputNotComparable()));
        root.add("keyAssignment", CliJson.array(r.keys(), ComparisonReport::keyCheck));
        return CliJson.print(root);
    }

    private static JsonObject sink(EngineComparison.SinkComparison s) {
        JsonObject o = new JsonObject();
        o.addProperty("sink", s.sinkId());
        o.addProperty("localCommitted", s.localCount());
        o.addProperty("localDigest", s.localDigest());
        o.addProperty("flinkCommitted", s.flinkCount());
        o.addProperty("flinkDigest", s.flinkDigest());
        o.addProperty("equal", s.equal());
        return o;
    }

    private static JsonObject keyCheck(EngineComparison.KeyCheck k) {
        JsonObject o = new JsonObject();
        o.addProperty("operator", k.operatorId());
        o.addProperty("parallelism", k.parallelism());
        o.addProperty("maxParallelism", k.maxParallelism());
        o.addProperty("keys", k.keys());
        o.addProperty("mismatches", k.mismatches());
        return o;
    }

    private static com.google.gson.JsonElement json(double v) {
        return Double.isNaN(v) ? JsonNull.INSTANCE : new JsonPrimitive(v);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String ratio(double a, double b) {
        double r = a / b;
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "-";
    }
}
