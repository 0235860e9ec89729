package org.checkpointlab.flink.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.junit.jupiter.api.Test;

/** The job jar's program: from a run's configuration to program arguments and job parameters, and back. */
class JarProgramTest {

    private static JobConfig wordCount() throws Exception {
        return JobConfig.of(PipelineLoader.validating().load(Path.of("..", "samples", "word-count.json")))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(700)))
                .withParallelism(Map.of("count", 3, "output", 3))
                .withBackend(StateBackendKind.ROCKSDB).withIncremental(true).withRecords(5000L);
    }

    @Test
    void theProgramArgumentsCarryThePipelineAsItRunsAndItsFlinkKeys() throws Exception {
        JarProgram program = JarProgram.of(wordCount());

        JarProgram read = JarProgram.fromArgs(program.args().toArray(String[]::new));

        assertThat(read).isEqualTo(program);
        assertThat(read.pipeline().operator("count")).map(OperatorSpec::parallelism).contains(3);
        assertThat(read.flinkOptions()).containsEntry("state.backend.type", "rocksdb")
                .containsEntry("execution.checkpointing.interval", "700 ms")
                .doesNotContainKey("execution.state-recovery.path");
        assertThat(read.fromSavepoint()).isFalse();
    }

    @Test
    void aJobsParametersGiveBackTheConfigurationTheRestoreDialogStartsFrom() throws Exception {
        JobConfig config = wordCount();
        JarProgram program = JarProgram.of(config);

        JarProgram read = JarProgram.fromJobParameters(program.jobParameters(), "job 1").orElseThrow();
        JobConfig back = read.config();

        assertThat(back.pipeline().operators()).isEqualTo(program.pipeline().operators());
        assertThat(back.checkpointOptions().interval()).isEqualTo(Duration.ofMillis(700));
        assertThat(back.backend()).isEqualTo(StateBackendKind.ROCKSDB);
        assertThat(back.incremental()).isTrue();
        assertThat(back.records()).isEqualTo(5000L);
        // Started again, it gives Flink the same keys.
        assertThat(JarProgram.of(back).flinkOptions()).containsAllEntriesOf(Map.of(
                "state.backend.type", "rocksdb", "execution.checkpointing.interval", "700 ms"));
    }

    @Test
    void aJobWithoutThePipelineParameterIsNoJobJarPipeline() throws Exception {
        assertThat(JarProgram.fromJobParameters(Map.of("other", "x"), "job 1")).isEmpty();
    }

    @Test
    void aRestoreKeepsTheRestartStrategyOfTheJobItRestores() throws Exception {
        JarProgram earlier = JarProgram.of(wordCount().withRestartStrategy(
                new RestartStrategy.FixedDelay(7, Duration.ofMillis(250))));
        JobConfig restore = earlier.config().withRestore(new SavepointRestore(Path.of("/sp/savepoint-1"), false));

        JarProgram next = JarProgram.of(restore).keeping(earlier, k -> k.startsWith("restart-strategy."));

        assertThat(next.fromSavepoint()).isTrue();
        assertThat(next.flinkOptions()).containsEntry("restart-strategy.type", "fixed-delay")
                .containsEntry("restart-strategy.fixed-delay.attempts", "7")
                .doesNotContainKey("execution.state-recovery.path");
        assertThat(next.args()).contains("--from-savepoint");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> JarProgram.fromArgs(new String[] {"--pipeline"}))
                .isInstanceOf(PipelineException.class).hasMessageContaining("--pipeline needs a value");
        assertThatThrownBy(() -> JarProgram.fromArgs(new String[] {"--flink-options", "{}"}))
                .isInstanceOf(PipelineException.class).hasMessageContaining("no --pipeline");
        assertThatThrownBy(() -> JarProgram.fromArgs(new String[] {"--parallel", "3"}))
                .isInstanceOf(PipelineException.class).hasMessageContaining("unknown argument '--parallel'");
        assertThatThrownBy(() -> JarProgram.fromJobParameters(Map.of(JarProgram.PIPELINE_PARAMETER, "{}",
                JarProgram.OPTIONS_PARAMETER, "[1]"), "job 42"))
                .isInstanceOf(PipelineException.class).hasMessageContaining("job 42");
    }
}
