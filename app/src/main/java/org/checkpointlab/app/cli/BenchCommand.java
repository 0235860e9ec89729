package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

import org.checkpointlab.flink.EmbeddedFlinkCluster;
import org.checkpointlab.flink.FlinkRefusal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code checkpoint-lab bench [--records N] [--quick] [--engine flink]}: the engine benchmark
 * ({@link EngineBenchmark}), printed as one table on stdout; with {@code --engine flink} also jobs 1 and 2 on
 * embedded Flink ({@link FlinkBenchmark}) and both engines side by side ({@link BenchmarkSideBySide}). What it is
 * running goes to stderr. Exit 1 if a benchmark job fails.
 */
@Command(name = "bench", description = "Measure the engine: checkpoint overhead, aligned vs. unaligned under "
        + "backpressure, and the cost of observing a job. Takes minutes; --quick takes well under one.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    private CommandOutput command;

    @Option(names = "--records", paramLabel = "N",
            description = "Records of each keyed-count run (default 100,000,000; 20,000,000 with --quick).")
    private Long records;

    @Option(names = "--quick", description = "Scaled down for a smoke check: 20 M records, 8 s backpressure runs.")
    private boolean quick;

    @Option(names = "--run-length", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Length of each backpressure run (default 20s; 8s with --quick).")
    private Duration runLength;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "local (default): the local engine's table. flink: then jobs 1 and 2 again on Apache "
                    + "Flink (embedded), and a second table with both engines side by side and the ratios.")
    private String engine;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = command.out();
        PrintWriter err = command.err();
        BenchmarkPlan plan = quick ? BenchmarkPlan.quick() : BenchmarkPlan.full();
        if (records != null) {
            if (records < 1) {
                return command.badInput("--records must be at least 1, was " + records);
            }
            plan = plan.withRecords(records);
        }
        if (runLength != null) {
            if (runLength.isZero()) {
                return command.badInput("--run-length must be positive");
            }
            plan = plan.withBackpressureRun(runLength);
        }
        if (!engine.equals("local") && !engine.equals("flink")) {
            return command.badInput("--engine must be local or flink, was '" + engine + "'");
        }
        return run(plan, quick ? "quick" : "full", engine.equals("flink"), out, err);
    }

    /** Runs {@code plan} on the local engine and prints its table; exposed to the tests, which run a tiny plan. */
    static int run(BenchmarkPlan plan, String planName, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        return run(plan, planName, false, out, err);
    }

    /** The same, and with {@code onFlink} jobs 1 and 2 on embedded Flink too, side by side. */
    static int run(BenchmarkPlan plan, String planName, boolean onFlink, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        BenchmarkResults results;
        try {
            results = new EngineBenchmark(plan, line -> {
                err.println("bench: " + line);
                err.flush();
            }).run();
        } catch (EngineBenchmark.BenchmarkFailure e) {
            err.println("bench: a benchmark job failed: " + e.getMessage());
            return ExitCodes.JOB_FAILED;
        }
        BenchmarkTable.print(results, planName, Runtime.getRuntime().availableProcessors(), LocalDateTime.now(),
                out);
        out.flush();
        return onFlink ? runOnFlink(plan, results, out, err) : ExitCodes.OK;
    }

    /** Jobs 1 and 2 on a Flink cluster started now (not timed), then both engines side by side. */
    private static int runOnFlink(BenchmarkPlan plan, BenchmarkResults local, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        err.println("bench: starting an embedded Apache Flink cluster...");
        err.flush();
        FlinkBenchmark.Results flink;
        try (EmbeddedFlinkCluster cluster = EmbeddedFlinkCluster.start(java.util.Map.of(),
                Math.max(EmbeddedFlinkCluster.DEFAULT_SLOTS, plan.parallelism()))) {
            flink = new FlinkBenchmark(plan, cluster, line -> {
                err.println("bench: " + line);
                err.flush();
            }).run();
        } catch (FlinkRefusal e) {
            err.println("bench: " + String.join("; ", e.problems()));
            return ExitCodes.BAD_INPUT;
        } catch (EngineBenchmark.BenchmarkFailure e) {
            err.println("bench: a benchmark job failed on Flink: " + e.getMessage());
            return ExitCodes.JOB_FAILED;
        }
        out.println();
        BenchmarkSideBySide.print(local, flink,
                org.apache.flink.runtime.util.EnvironmentInformation.getVersion(), out);
        out.flush();
        return ExitCodes.OK;
    }
}
