package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --rate} and the samples' watchable rates on the command line. */
class SourceRatesTest {
    private static final Path WORD_COUNT = Path.of("..", "samples", "word-count.json");

    @TempDir
    Path dir;

    private static RunFlags flags(String... args) {
        RunFlags parsed = new RunFlags();
        new CommandLine(parsed).parseArgs(args);
        return parsed;
    }

    @Test
    void rateFlag_setsEverySourcesRate_andLeavesOtherOperatorsAlone() throws Exception {
        PipelineSpec sample = PipelineJson.read(WORD_COUNT);

        JobConfig config = flags("--rate", "0").toJobConfig(WORD_COUNT, sample);

        assertThat(OperatorKind.SENTENCE_SOURCE.paramsOf(config.pipeline().operator("sentences").orElseThrow())
                .getLong("ratePerSecond")).isZero();
        assertThat(config.pipeline().operator("count").orElseThrow().params()).isEmpty();
        assertThat(flags().toJobConfig(WORD_COUNT, sample).pipeline()).as("without --rate").isEqualTo(sample);
    }

    @Test
    void boundedRunAtTheSamplesWatchableRate_getsAWarningNamingRateZero() throws Exception {
        PipelineSpec sample = PipelineJson.read(WORD_COUNT);

        RunFlags slow = flags("--records", "100000");
        slow.toJobConfig(WORD_COUNT, sample);
        RunFlags fast = flags("--records", "100000", "--rate", "0");
        fast.toJobConfig(WORD_COUNT, sample);

        assertThat(slow.warnings()).anySatisfy(w -> assertThat(w).contains("source 'sentences'")
                .contains("--rate 0"));
        assertThat(fast.warnings()).noneSatisfy(w -> assertThat(w).contains("--rate"));
    }

    @Test
    void negativeRate_isBadInputNamingTheFlag() throws Exception {
        Cli.Result r = Cli.run("run", WORD_COUNT.toString(), "--rate", "-1");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--rate must not be negative");
    }

    @Test
    void readmesBoundedWordCountRun_finishesWithExactlyOnceHeld() throws Exception {
        Cli.Result r = Cli.run("run", WORD_COUNT.toString(), "--records", "100000", "--rate", "0",
                "--interval", "500ms");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("FINISHED").contains("exactly-once held");
    }
}
