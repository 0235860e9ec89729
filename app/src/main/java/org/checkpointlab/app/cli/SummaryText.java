package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.OperatorSummary;
import org.checkpointlab.model.job.SinkSummary;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * The readable end-of-run summary of {@code run} (without {@code --json}): status, records and throughput,
 * per-operator records in/out, the checkpoints with their phases and sizes, restarts, and each sink's committed
 * count and digest.
 */
final class SummaryText {
    /** Longer runs list only the most recent checkpoints; {@code --json} has them all. */
    static final int MAX_LISTED_CHECKPOINTS = 20;

    private SummaryText() {
    }

    static void print(String pipelineName, JobSummary s, PrintWriter out) {
        out.printf(Locale.ROOT, "Job '%s' %s after %s%n", pipelineName, s.status(), Formats.seconds(s.processingMillis()));
        if (s.failureCause() != null) {
            out.println("Failure cause: " + s.failureCause());
        }
        out.printf(Locale.ROOT, "Source records: %s (%s records/s)%n", Formats.count(s.sourceRecords()),
                Formats.rate(s.throughputPerSecond()));
        printOperators(s.operators(), out);
        printCheckpoints(s, out);
        out.println("Restarts: " + s.restarts());
        printSinks(s.sinks(), out);
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

    private static void printCheckpoints(JobSummary s, PrintWriter out) {
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
