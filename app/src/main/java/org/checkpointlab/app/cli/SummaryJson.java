package org.checkpointlab.app.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.job.DeliveryCheck.SinkDelivery;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.OperatorSummary;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.job.SinkSummary;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.RestartEvent;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * The one JSON object {@code run --json} writes to stdout. Its fields are a contract for scripts: {@code status},
 * {@code processingMillis}, {@code operators}, {@code sourceRecords}, {@code throughputPerSecond},
 * {@code checkpoints} ({@code completed}, {@code failed}, {@code list}), {@code restartCount}, {@code restarts}
 * (failureTime, restoreTime, restoredCheckpointId, delayMs; times in epoch ms), {@code failures} (time, operator,
 * subtask, message), {@code savepoints} (path, checkpointId, sizeBytes, durationMs), {@code sinks},
 * {@code delivery} (per sink: committed, expected, duplicates, missing, verdict; {@code null} when not checked),
 * {@code failureCause}. Every field is always present; absent values are {@code null}.
 */
final class SummaryJson {

    private SummaryJson() {
    }

    static String toJson(RunReport report) {
        return CliJson.print(toTree(report));
    }

    static JsonObject toTree(RunReport report) {
        JobSummary s = report.summary();
        JsonObject root = new JsonObject();
        root.addProperty("status", s.status().name());
        root.addProperty("processingMillis", s.processingMillis());
        root.add("operators", CliJson.array(s.operators(), SummaryJson::operator));
        root.addProperty("sourceRecords", s.sourceRecords());
        // A BigDecimal keeps Gson from writing large rates in exponent notation (2.4E7).
        root.addProperty("throughputPerSecond", BigDecimal.valueOf(s.throughputPerSecond()).setScale(1, RoundingMode.HALF_UP));
        JsonObject checkpoints = new JsonObject();
        checkpoints.addProperty("completed", s.completedCheckpoints());
        checkpoints.addProperty("failed", s.failedCheckpoints());
        checkpoints.add("list", CliJson.array(s.checkpoints(), SummaryJson::checkpoint));
        root.add("checkpoints", checkpoints);
        root.addProperty("restartCount", s.restarts());
        root.add("restarts", CliJson.array(report.restarts(), SummaryJson::restart));
        root.add("failures", CliJson.array(report.failures(), SummaryJson::failure));
        root.add("savepoints", CliJson.array(report.savepoints(), SummaryJson::savepoint));
        root.add("sinks", CliJson.array(s.sinks(), SummaryJson::sink));
        root.add("delivery", report.delivery() == null ? JsonNull.INSTANCE
                : CliJson.array(report.delivery(), SummaryJson::delivery));
        root.addProperty("failureCause", s.failureCause());
        return root;
    }

    private static JsonObject operator(OperatorSummary o) {
        JsonObject op = new JsonObject();
        op.addProperty("id", o.id());
        op.addProperty("kind", o.kind());
        op.addProperty("parallelism", o.parallelism());
        op.addProperty("recordsIn", o.recordsIn());
        op.addProperty("recordsOut", o.recordsOut());
        return op;
    }

    private static JsonObject restart(RestartEvent r) {
        JsonObject o = new JsonObject();
        o.addProperty("failureTime", r.failureTimestamp());
        o.addProperty("restoreTime", r.restoreTimestamp());
        o.addProperty("restoredCheckpointId", r.restoredCheckpointId() == 0 ? null : r.restoredCheckpointId());
        o.addProperty("delayMs", r.delayMillis());
        return o;
    }

    private static JsonObject failure(FailureEvent f) {
        JsonObject o = new JsonObject();
        o.addProperty("time", f.timestamp());
        o.addProperty("operator", f.operatorId());
        o.addProperty("subtask", f.subtaskIndex() < 0 ? null : f.subtaskIndex());
        o.addProperty("message", f.message());
        return o;
    }

    private static JsonObject savepoint(SavepointResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("path", r.path().toString());
        o.addProperty("checkpointId", r.checkpointId());
        o.addProperty("sizeBytes", r.sizeBytes());
        o.addProperty("durationMs", r.durationMillis());
        return o;
    }

    private static JsonObject sink(SinkSummary k) {
        JsonObject sink = new JsonObject();
        sink.addProperty("id", k.id());
        sink.addProperty("kind", k.kind());
        sink.addProperty("committedRecords", k.committedRecords());
        sink.addProperty("digest", k.digest());
        return sink;
    }

    private static JsonObject delivery(SinkDelivery d) {
        JsonObject o = new JsonObject();
        o.addProperty("sink", d.sinkId());
        o.addProperty("kind", d.kind());
        o.addProperty("committed", d.committed());
        o.addProperty("expected", d.computable() ? d.expected() : null);
        o.addProperty("duplicates", d.computable() ? d.duplicates() : null);
        o.addProperty("missing", d.computable() ? d.missing() : null);
        o.addProperty("verdict", d.verdict());
        return o;
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
