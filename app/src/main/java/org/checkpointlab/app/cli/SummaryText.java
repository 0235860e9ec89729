package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.job.DeliveryCheck.SinkDelivery;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.job.OperatorSummary;
import org.checkpointlab.model.job.SinkSummary;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.RestartEvent;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * The readable end-of-run summary of {@code run} (without {@code --json}): status, records and throughput,
 * per-operator records in/out, the checkpoints with their phases and sizes, failures and restarts, savepoints, each
 * sink's committed count and digest, and the delivery check.
 */
final class SummaryText {
    /** Longer runs list only the most recent checkpoints; {@code --json} has them all. */
    static final int MAX_LISTED_CHECKPOINTS = 20;

    private SummaryText() {
    }

    static void print(String pipelineName, RunReport report, PrintWriter out) {
        JobSummary s = report.summary();
        out.printf(Locale.ROOT, "Job '%s' %s after %s%n", pipelineName, s.status(), Formats.seconds(s.processingMillis()));
        if (s.failureCause() != null) {
            out.println("Failure cause: " + s.failureCause());
        }
        out.printf(Locale.ROOT, "Source records: %s (%s records/s)%n", Formats.count(s.sourceRecords()),
                Formats.rate(s.throughputPerSecond()));
        printOperators(s.operators(), out);
        printCheckpoints(s, out);
        printFailuresAndRestarts(report, out);
        printSavepoints(report.savepoints(), out);
        printSinks(s.sinks(), out);
        printDelivery(report, out);
    }

    static void printFailuresAndRestarts(RunReport report, PrintWriter out) {
        out.println();
        out.println("Restarts: " + report.summary().restarts());
        List<RestartEvent> restarts = report.restarts();
        if (!restarts.isEmpty()) {
            Table t = new Table("RRRLR", "restart", "failed at", "restored at", "restored from", "delay");
            for (int i = 0; i < restarts.size(); i++) {
                RestartEvent r = restarts.get(i);
                t.row(String.valueOf(i + 1), JobEventLog.relative(r.failureTimestamp(), report.startMillis()),
                        JobEventLog.relative(r.restoreTimestamp(), report.startMillis()),
                        r.restoredCheckpointId() == 0 ? "nothing (start over)"
                                : "checkpoint " + r.restoredCheckpointId(), ms(r.delayMillis()));
            }
            t.print(out);
        }
        if (!report.failures().isEmpty()) {
            out.println("Failures:");
            for (FailureEvent f : report.failures()) {
                out.println("  " + JobEventLog.failureLine(f, report.startMillis()));
            }
        }
    }

    private static void printSavepoints(List<SavepointResult> savepoints, PrintWriter out) {
        if (savepoints.isEmpty()) {
            return;
        }
        out.println();
        Table t = new Table("LRRR", "savepoint", "checkpoint", "size", "duration");
        for (SavepointResult r : savepoints) {
            t.row(r.path().toString(), String.valueOf(r.checkpointId()), Formats.bytes(r.sizeBytes()),
                    ms(r.durationMillis()));
        }
        t.print(out);
    }

    private static void printDelivery(RunReport report, PrintWriter out) {
        out.println();
        if (report.delivery() == null) {
            out.println("Delivery: not checked (" + report.deliveryNotChecked() + ")");
            return;
        }
        out.println("Delivery, against a failure-free run of the same input:");
        if (report.delivery().isEmpty()) {
            out.println("  no sink keeps its output (discard sinks only)");
            return;
        }
        Table t = new Table("LRRRRL", "sink", "committed", "expected", "duplicates", "missing", "verdict");
        for (SinkDelivery d : report.delivery()) {
            t.row(d.sinkId(), Formats.count(d.committed()), countOrDash(d.computable(), d.expected()),
                    countOrDash(d.computable(), d.duplicates()), countOrDash(d.computable(), d.missing()),
                    d.verdict());
        }
        t.print(out);
    }

    private static String countOrDash(boolean known, long n) {
        return known ? Formats.count(n) : "-";
    }

    private static void printOperators(List<OperatorSummary> operators, PrintWriter out) {
        out.println();
        Table t = new Table("LLRRR", "operator", "kind", "parallelism", "records in", "records out");
        for (OperatorSummary o : operators) {
            t.row(o.id(), o.kind(), String.valueOf(o.parallelism()), Formats.count(o.recordsIn()),
                    Formats.count(o.recordsOut()));
        }
        t.print(out);
    }

    static void printCheckpoints(JobSummary s, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "Checkpoints: %d completed, %d failed%n", s.completedCheckpoints(),
                s.failedCheckpoints());
        List<CheckpointStats> list = s.checkpoints();
        if (list.isEmpty()) {
            return;
        }
        int skipped = Math.max(0, list.size() - MAX_LISTED_CHECKPOINTS);
        if (skipped > 0) {
            out.printf(Locale.ROOT, "(%d earlier checkpoints not shown; --json lists them all)%n", skipped);
        }
        Table t = new Table("RLRRRRRRRL", "id", "status", "end-to-end", "sync", "async", "alignment", "start delay", "size",
                "persisted in-flight", "unaligned");
        for (CheckpointStats c : list.subList(skipped, list.size())) {
            t.row(c.id() + (c.savepoint() ? " (savepoint)" : ""), c.status().name(), ms(c.endToEndMillis()),
                    ms(c.syncMillis()), ms(c.asyncMillis()), ms(c.alignmentMillis()), ms(c.startDelayMillis()),
                    Formats.bytes(c.checkpointedSize()), Formats.bytes(c.persistedInFlight()),
                    c.unaligned() ? "yes" : "no");
        }
        t.print(out);
        for (CheckpointStats c : list.subList(skipped, list.size())) {
            if (c.failureCause() != null) {
                out.printf(Locale.ROOT, "checkpoint %d failed: %s%n", c.id(), c.failureCause());
            }
        }
    }

    private static void printSinks(List<SinkSummary> sinks, PrintWriter out) {
        if (sinks.isEmpty()) {
            return;
        }
        out.println();
        Table t = new Table("LLRL", "sink", "kind", "committed records", "digest");
        for (SinkSummary sink : sinks) {
            t.row(sink.id(), sink.kind(), Formats.count(sink.committedRecords()), sink.digest());
        }
        t.print(out);
    }

    private static String ms(long millis) {
        return millis < 0 ? "-" : millis + " ms";
    }

    /** {@code s} with its sinks in the pipeline's operator order (the job reports them in no particular order). */
    static JobSummary withSinksInPipelineOrder(JobSummary s, PipelineSpec pipeline) {
        List<String> ids = pipeline.operators().stream().map(OperatorSpec::id).toList();
        List<SinkSummary> sinks = s.sinks().stream()
                .sorted(Comparator.comparingInt((SinkSummary k) -> ids.indexOf(k.id())).thenComparing(SinkSummary::id))
                .toList();
        return new JobSummary(s.status(), s.processingMillis(), s.sourceRecords(), s.throughputPerSecond(),
                s.operators(), s.completedCheckpoints(), s.failedCheckpoints(), s.checkpoints(), s.restarts(), sinks,
                s.failureCause());
    }
}
