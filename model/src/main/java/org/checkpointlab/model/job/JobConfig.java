package org.checkpointlab.model.job;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * Everything a job is started with. Immutable; {@code with…} methods return changed copies.
 *
 * @param pipeline           the pipeline to run
 * @param checkpointOptions  checkpoint configuration (start from the pipeline file's defaults with
 *                           {@code CheckpointOptionsJson})
 * @param runtimeOptions     network buffer settings
 * @param backend            state backend for keyed state
 * @param parallelism        parallelism overrides by operator id
 * @param records            overrides every source's {@code count} when not {@code null}
 * @param outputDir          directory for transactional sinks' part files when not {@code null}
 * @param restartStrategy    restart strategy, or {@code null} for Flink's default
 */
public record JobConfig(PipelineSpec pipeline, CheckpointOptions checkpointOptions, RuntimeOptions runtimeOptions,
                        StateBackendKind backend, Map<String, Integer> parallelism, Long records, Path outputDir,
                        RestartStrategy restartStrategy) {

    public JobConfig {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(checkpointOptions, "checkpointOptions");
        Objects.requireNonNull(runtimeOptions, "runtimeOptions");
        Objects.requireNonNull(backend, "backend");
        parallelism = parallelism == null ? Map.of() : Map.copyOf(parallelism);
    }

    /** Runs {@code pipeline} with default checkpoint, runtime and backend settings. */
    public static JobConfig of(PipelineSpec pipeline) {
        return new JobConfig(pipeline, CheckpointOptions.defaults(), RuntimeOptions.defaults(),
                StateBackendKind.HASHMAP, Map.of(), null, null, null);
    }

    public JobConfig withCheckpointOptions(CheckpointOptions v) {
        return new JobConfig(pipeline, v, runtimeOptions, backend, parallelism, records, outputDir, restartStrategy);
    }

    public JobConfig withRuntimeOptions(RuntimeOptions v) {
        return new JobConfig(pipeline, checkpointOptions, v, backend, parallelism, records, outputDir, restartStrategy);
    }

    public JobConfig withBackend(StateBackendKind v) {
        return new JobConfig(pipeline, checkpointOptions, runtimeOptions, v, parallelism, records, outputDir, restartStrategy);
    }

    public JobConfig withParallelism(Map<String, Integer> v) {
        return new JobConfig(pipeline, checkpointOptions, runtimeOptions, backend, v, records, outputDir, restartStrategy);
    }

    public JobConfig withRecords(Long v) {
        return new JobConfig(pipeline, checkpointOptions, runtimeOptions, backend, parallelism, v, outputDir, restartStrategy);
    }

    public JobConfig withRestartStrategy(RestartStrategy v) {
        return new JobConfig(pipeline, checkpointOptions, runtimeOptions, backend, parallelism, records, outputDir,
                v);
    }

    /** The restart strategy in force: the configured one, or Flink's default for the checkpoint options. */
    public RestartStrategy effectiveRestartStrategy() {
        return restartStrategy != null ? restartStrategy
                : RestartStrategy.flinkDefault(checkpointOptions.periodic());
    }

    public JobConfig withOutputDir(Path v) {
        return new JobConfig(pipeline, checkpointOptions, runtimeOptions, backend, parallelism, records, v,
                restartStrategy);
    }
}
