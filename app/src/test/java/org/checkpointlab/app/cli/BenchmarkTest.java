package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalDouble;

import org.checkpointlab.model.observe.JobStatus;
import org.junit.jupiter.api.Test;

class BenchmarkTest {

    @Test
    void median_ofOddCountIsTheMiddle_ofEvenCountTheMeanOfTheTwoMiddles_ofNoneIsEmpty() {
        assertThat(RunMeasurement.median(List.of(30L, 10L, 20L))).hasValue(20.0);
        assertThat(RunMeasurement.median(List.of(40L, 10L, 30L, 20L))).hasValue(25.0);
        assertThat(RunMeasurement.median(List.of())).isEmpty();
    }

    @Test
    void table_showsEachRunAndTheRatiosComputedFromThem() {
        BenchmarkResults results = new BenchmarkResults(BenchmarkPlan.quick(),
                measured(4_000_000, 0, OptionalDouble.empty()),
                measured(3_600_000, 3, OptionalDouble.of(17)),
                measured(60_000, 4, OptionalDouble.of(500)),
                measured(80_000, 4, OptionalDouble.of(20)),
                measured(3_240_000, 3, OptionalDouble.of(18)),
                960, 45.2);
        StringWriter text = new StringWriter();

        BenchmarkTable.print(results, "quick", 2, LocalDateTime.of(2025, 1, 2, 3, 4), new PrintWriter(text));

        assertThat(text.toString())
                .contains("Checkpoint Lab engine benchmark, 2025-01-02 03:04, 2 cores")
                .contains("plan: quick (20,000,000 records, 10,000 keys, parallelism 2")
                .containsPattern("1 keyed count, no checkpoints\\s+4,000,000\\s+10,000,000\\s+0\\s+-")
                .containsPattern("aligned exactly-once every 1.0 s\\s+3,600,000\\s+10,000,000\\s+3\\s+17 ms")
                .containsPattern("2 backpressure, unaligned every 2.0 s\\s+80,000\\s+10,000,000\\s+4\\s+20 ms")
                .containsPattern("checkpoint overhead \\(1 - with/without\\)\\s+10.0 %")
                .containsPattern("median end-to-end aligned / unaligned\\s+25.0x")
                .containsPattern("throughput with observer / without\\s+0.900")
                .contains("960 snapshots, 45 µs each");
    }

    @Test
    void benchmark_runsEveryStepOfATinyPlanAndPrintsTheTable() throws Exception {
        BenchmarkPlan tiny = new BenchmarkPlan(200_000, 100, 2, Duration.ofMillis(20), Duration.ofMillis(100),
                // Backpressure runs of 2 s: long enough for an aligned checkpoint to complete on a loaded machine.
                Duration.ofMillis(2000), 20, 60, 50_000, 1);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = BenchCommand.run(tiny, "tiny", new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("warm-up").contains("no checkpoints").contains("observer")
                .contains("aligned").contains("unaligned");
        assertThat(out.toString())
                .containsPattern("1 keyed count, no checkpoints\\s+[\\d,]+\\s+200,000\\s+0\\s")
                // How many checkpoints complete in these short runs depends on the machine's load: not asserted.
                .containsPattern("2 backpressure, aligned every 0.1 s\\s+[\\d,]+\\s+[\\d,]+\\s+\\d+")
                .containsPattern("2 backpressure, unaligned every 0.1 s\\s+[\\d,]+\\s+[\\d,]+\\s+\\d+")
                .containsPattern("checkpoint overhead \\(1 - with/without\\)\\s+-?[\\d.]+ %")
                .containsPattern("aligned / unaligned\\s+([\\d.]+x|n/a)");
    }

    @Test
    void benchCommand_rejectsZeroRecordsNamingTheFlag() {
        Cli.Result r = Cli.run("bench", "--records", "0");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--records must be at least 1");
    }

    private static RunMeasurement measured(double throughput, int checkpoints, OptionalDouble medianEndToEnd) {
        return new RunMeasurement(JobStatus.FINISHED, 10_000_000, 2_500, throughput, checkpoints, 0, medianEndToEnd,
                checkpoints == 0 ? OptionalDouble.empty() : OptionalDouble.of(0));
    }
}
