package org.checkpointlab.app.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.OperatorSummary;
import org.checkpointlab.model.job.SinkSummary;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The one JSON object {@code run --json} writes to stdout. Its fields are a contract for scripts: {@code status},
 * {@code processingMillis}, {@code operators}, {@code sourceRecords}, {@code throughputPerSecond},
 * {@code checkpoints} ({@code completed}, {@code failed}, {@code list}), {@code restarts}, {@code sinks},
 * {@code failureCause}. Every field is always present; absent values are {@code null}.
 */
final class SummaryJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    private SummaryJson() {
    }

    static String toJson(JobSummary s) {
        return GSON.toJson(toTree(s));
    }

    static JsonObject toTree(JobSummary s) {
        JsonObject root = new JsonObject();
        root.addProperty("status", s.status().name());
        root.addProperty("processingMillis", s.processingMillis());
        JsonArray operators = new JsonArray();
        for (OperatorSummary o : s.operators()) {
            JsonObject op = new JsonObject();
            op.addProperty("id", o.id());
            op.addProperty("kind", o.kind());
            op.addProperty("parallelism", o.parallelism());
            op.addProperty("recordsIn", o.recordsIn());
            op.addProperty("recordsOut", o.recordsOut());
            operators.add(op);
        }
        root.add("operators", operators);
        root.addProperty("sourceRecords", s.sourceRecords());
        // A BigDecimal keeps Gson from writing large rates in exponent notation (2.4E7).
        root.addProperty("throughputPerSecond", BigDecimal.valueOf(s.throughputPerSecond()).setScale(1, RoundingMode.HALF_UP));
        JsonObject checkpoints = new JsonObject();
        checkpoints.addProperty("completed", s.completedCheckpoints());
        checkpoints.addProperty("failed", s.failedCheckpoints());
        JsonArray list = new JsonArray();
        for (CheckpointStats c : s.checkpoints()) {
            list.add(checkpoint(c));
        }
        checkpoints.add("list", list);
        root.add("checkpoints", checkpoints);
        root.addProperty("restarts", s.restarts());
        JsonArray sinks = new JsonArray();
        for (SinkSummary k : s.sinks()) {
            JsonObject sink = new JsonObject();
            sink.addProperty("id", k.id());
            sink.addProperty("kind", k.kind());
            sink.addProperty("committedRecords", k.committedRecords());
            sink.addProperty("digest", k.digest());
            sinks.add(sink);
        }
        root.add("sinks", sinks);
        root.addProperty("failureCause", s.failureCause());
        return root;
    }

    private static JsonObject checkpoint(CheckpointStats c) {
        JsonObject o = new JsonObject();
        o.addProperty("id", c.id());
        o.addProperty("status", c.status().name());
        o.addProperty("savepoint", c.savepoint());
        o.addProperty("endToEndMs", c.endToEndMillis());
        o.addProperty("syncMs", c.syncMillis());
        o.addProperty("asyncMs", c.asyncMillis());
        o.addProperty("alignmentMs", c.alignmentMillis());
        o.addProperty("startDelayMs", c.startDelayMillis());
        o.addProperty("checkpointedSizeBytes", c.checkpointedSize());
        o.addProperty("fullSizeBytes", c.fullSize());
        o.addProperty("persistedInFlightBytes", c.persistedInFlight());
        o.addProperty("unaligned", c.unaligned());
        o.addProperty("failureCause", c.failureCause());
        return o;
    }
}
