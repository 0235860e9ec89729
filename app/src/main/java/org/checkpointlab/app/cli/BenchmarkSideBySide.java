package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The table of {@code bench --engine flink}: benchmark jobs 1 and 2 on the local engine and on Flink (embedded),
 * side by side, with the ratio local / Flink of throughput and of the median checkpoint end-to-end duration.
 */
final class BenchmarkSideBySide {
    private BenchmarkSideBySide() {
    }

    static void print(BenchmarkResults local, FlinkBenchmark.Results flink, String flinkVersion, PrintWriter out) {
        BenchmarkPlan p = local.plan();
        out.printf(Locale.ROOT, "Local engine and Apache Flink %s (embedded MiniCluster, same JVM), same jobs%n",
                flinkVersion);
        Table t = new Table("LRRRRRR", "run", "local records/s", "Flink records/s", "local / Flink",
                "local median end-to-end", "Flink median end-to-end", "local / Flink");
        String every = " every " + Formats.seconds(p.checkpointInterval().toMillis());
        String bpEvery = " every " + Formats.seconds(p.backpressureInterval().toMillis());
        row(t, "1 keyed count, no checkpoints", local.withoutCheckpoints(), flink.withoutCheckpoints());
        row(t, "1 keyed count, aligned exactly-once" + every, local.withCheckpoints(), flink.withCheckpoints());
        row(t, "2 backpressure, aligned" + bpEvery, local.aligned(), flink.aligned());
        row(t, "2 backpressure, unaligned" + bpEvery, local.unaligned(), flink.unaligned());
        t.print(out);
    }

    private static void row(Table t, String label, RunMeasurement local, RunMeasurement flink) {
        t.row(label, Formats.rate(local.throughputPerSecond()), Formats.rate(flink.throughputPerSecond()),
                ratio(local.throughputPerSecond(), flink.throughputPerSecond()),
                millis(local.medianEndToEndMillis()), millis(flink.medianEndToEndMillis()),
                local.medianEndToEndMillis().isPresent() && flink.medianEndToEndMillis().isPresent()
                        ? ratio(Math.max(1.0, local.medianEndToEndMillis().getAsDouble()),
                                Math.max(1.0, flink.medianEndToEndMillis().getAsDouble()))
                        : "-");
    }

    /** "2.15x"; "-" when the divisor is 0. */
    static String ratio(double a, double b) {
        return b > 0 ? String.format(Locale.ROOT, "%.2fx", a / b) : "-";
    }

    private static String millis(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.0f ms", v.getAsDouble()) : "-";
    }
}
