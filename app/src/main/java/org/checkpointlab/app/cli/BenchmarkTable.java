package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** Prints {@link BenchmarkResults} as a table of runs followed by the ratios, with the machine and the date. */
final class BenchmarkTable {
    private BenchmarkTable() {
    }

    static void print(BenchmarkResults r, String planName, int cores, LocalDateTime date, PrintWriter out) {
        BenchmarkPlan p = r.plan();
        out.printf(Locale.ROOT, "Checkpoint Lab engine benchmark, %s, %d cores, Java %s%n",
                date.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)), cores,
                System.getProperty("java.version"));
        out.printf(Locale.ROOT, "plan: %s (%s records, %s keys, parallelism %d, heap state, backpressure runs %s "
                        + "with %d µs/record)%n", planName, Formats.count(p.records()), Formats.count(p.keys()),
                p.parallelism(), Formats.seconds(p.backpressureRun().toMillis()), p.slowMicros());
        out.println();
        Table t = new Table("LRRRRR", "run", "records/s", "records", "checkpoints", "median end-to-end",
                "median persisted in-flight");
        String every = " every " + Formats.seconds(p.checkpointInterval().toMillis());
        String bpEvery = " every " + Formats.seconds(p.backpressureInterval().toMillis());
        row(t, "1 keyed count, no checkpoints", r.withoutCheckpoints());
        row(t, "1 keyed count, aligned exactly-once" + every, r.withCheckpoints());
        row(t, "2 backpressure, aligned" + bpEvery, r.aligned());
        row(t, "2 backpressure, unaligned" + bpEvery, r.unaligned());
        row(t, "3 keyed count, checkpoints + observer " + p.observerHz() + "/s", r.observed());
        t.print(out);
        out.println();
        Table ratios = new Table("LR", "ratio", "value");
        ratios.row("1 checkpoint overhead (1 - with/without)",
                String.format(Locale.ROOT, "%.1f %%", r.checkpointOverhead() * 100));
        OptionalDouble a2u = r.alignedToUnaligned();
        ratios.row("2 median end-to-end aligned / unaligned",
                a2u.isPresent() ? String.format(Locale.ROOT, "%.1fx", a2u.getAsDouble()) : "n/a (no checkpoint)");
        ratios.row("3 throughput with observer / without", String.format(Locale.ROOT, "%.3f", r.observerRatio()));
        ratios.print(out);
        out.printf(Locale.ROOT, "(observer: %s snapshots, %.0f µs each on average)%n",
                Formats.count(r.observerSnapshots()), r.observerMeanMicros());
    }

    private static void row(Table t, String label, RunMeasurement m) {
        t.row(label, Formats.rate(m.throughputPerSecond()), Formats.count(m.sourceRecords()),
                m.completedCheckpoints() + (m.failedCheckpoints() > 0 ? " (+" + m.failedCheckpoints() + " failed)" : ""),
                millis(m.medianEndToEndMillis()), bytes(m.medianPersistedInFlight()));
    }

    private static String millis(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.0f ms", v.getAsDouble()) : "-";
    }

    private static String bytes(OptionalDouble v) {
        return v.isPresent() ? Formats.bytes(Math.round(v.getAsDouble())) : "-";
    }
}
