package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The network and thread flags of {@code run} end up in the job's runtime options. */
class RunFlagsRuntimeTest {
    @TempDir
    Path dir;

    private JobConfig configFor(String... flags) throws Exception {
        Path file = Cli.write(dir, "p.json", Cli.keyedCountPipeline(1000, "{}"));
        PipelineSpec pipeline = PipelineJson.read(file);
        RunFlags parsed = new RunFlags();
        new CommandLine(parsed).parseArgs(flags);
        return parsed.toJobConfig(file, pipeline);
    }

    @Test
    void bufferFlagsAndLowPriority_reachTheRuntimeOptions() throws Exception {
        RuntimeOptions options = configFor("--buffer-size", "32", "--buffers-per-channel", "4",
                "--buffer-timeout", "20ms", "--low-priority").runtimeOptions();

        assertThat(options).isEqualTo(new RuntimeOptions(32, 4, Duration.ofMillis(20), true));
    }

    @Test
    void withoutFlags_theRuntimeDefaultsApply_atNormalPriority() throws Exception {
        assertThat(configFor().runtimeOptions()).isEqualTo(RuntimeOptions.defaults());
        assertThat(RuntimeOptions.defaults().lowPrioritySubtasks()).isFalse();
    }
}
