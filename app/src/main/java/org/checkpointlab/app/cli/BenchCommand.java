package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code checkpoint-lab bench [--records N] [--quick]}: the engine benchmark ({@link EngineBenchmark}), printed as
 * one table on stdout; what it is running goes to stderr. Exit 1 if a benchmark job fails.
 */
@Command(name = "bench", description = "Measure the engine: checkpoint overhead, aligned vs. unaligned under "
        + "backpressure, and the cost of observing a job. Takes minutes; --quick takes well under one.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--records", paramLabel = "N",
            description = "Records of each keyed-count run (default 100,000,000; 20,000,000 with --quick).")
    private Long records;

    @Option(names = "--quick", description = "Scaled down for a smoke check: 20 M records, 8 s backpressure runs.")
    private boolean quick;

    @Option(names = "--run-length", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Length of each backpressure run (default 20s; 8s with --quick).")
    private Duration runLength;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName();
        BenchmarkPlan plan = quick ? BenchmarkPlan.quick() : BenchmarkPlan.full();
        if (records != null) {
            if (records < 1) {
                err.println(name + ": --records must be at least 1, was " + records);
                return ExitCodes.BAD_INPUT;
            }
            plan = plan.withRecords(records);
        }
        if (runLength != null) {
            if (runLength.isZero()) {
                err.println(name + ": --run-length must be positive");
                return ExitCodes.BAD_INPUT;
            }
            plan = plan.withBackpressureRun(runLength);
        }
        return run(plan, quick ? "quick" : "full", out, err);
    }

    /** Runs {@code plan} and prints its table; exposed to the tests, which run a tiny plan. */
    static int run(BenchmarkPlan plan, String planName, PrintWriter out, PrintWriter err)
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
        return ExitCodes.OK;
    }
}
