package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.OptionalDouble;
import org.checkpointlab.model.observe.JobStatus;
import org.junit.jupiter.api.Test;

/** {@code bench --engine flink}: the same benchmark jobs on embedded Flink, side by side with the local engine. */
class BenchOnFlinkTest {

    private static RunMeasurement measured(double throughput, int checkpoints, OptionalDouble endToEnd) {
        return new RunMeasurement(JobStatus.FINISHED, 10_000_000, 1000, throughput, checkpoints, 0, endToEnd,
                OptionalDouble.empty());
    }

    @Test
    void sideBySide_showsBothEnginesAndTheRatioLocalOverFlink() {
        BenchmarkResults local = new BenchmarkResults(BenchmarkPlan.quick(),
                measured(16_000_000, 0, OptionalDouble.empty()),
                measured(15_000_000, 3, OptionalDouble.of(5)),
                measured(90_000, 4, OptionalDouble.of(200)),
                measured(95_000, 4, OptionalDouble.of(8)),
                measured(14_000_000, 3, OptionalDouble.of(6)), 900, 100);
        FlinkBenchmark.Results flink = new FlinkBenchmark.Results(
                measured(8_000_000, 0, OptionalDouble.empty()),
                measured(6_000_000, 3, OptionalDouble.of(20)),
                measured(90_000, 4, OptionalDouble.of(400)),
                measured(94_000, 4, OptionalDouble.of(32)));
        StringWriter text = new StringWriter();

        BenchmarkSideBySide.print(local, flink, "2.3.0", new PrintWriter(text));

        assertThat(text.toString())
                .contains("Local engine and Apache Flink 2.3.0 (embedded MiniCluster, same JVM)")
                .containsPattern("1 keyed count, no checkpoints\\s+16,000,000\\s+8,000,000\\s+2.00x\\s+-\\s+-\\s+-")
                .containsPattern("aligned exactly-once every 1.0 s\\s+15,000,000\\s+6,000,000\\s+2.50x\\s+5 ms"
                        + "\\s+20 ms\\s+0.25x")
                .containsPattern("2 backpressure, unaligned every 2.0 s\\s+95,000\\s+94,000\\s+1.01x\\s+8 ms\\s+32 ms"
                        + "\\s+0.25x");
    }

    @Test
    void aTinyPlanRunsOnBothEngines_andPrintsBothTables() throws Exception {
        BenchmarkPlan tiny = new BenchmarkPlan(200_000, 100, 2, Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(2000), 20, 60, 50_000, 1);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = BenchCommand.run(tiny, "tiny", true, new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("starting an embedded Apache Flink cluster").contains("Flink warm-up")
                .contains("Flink 2 backpressure (20 µs/record), unaligned");
        assertThat(out.toString()).contains("Checkpoint Lab engine benchmark")
                .containsPattern("Local engine and Apache Flink 2\\.\\d+\\.\\d+")
                .containsPattern("1 keyed count, no checkpoints\\s+[\\d,]+\\s+[\\d,]+\\s+[\\d.]+x");
    }
}
