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
 * @param incremental        incremental checkpoints (RocksDB only, as in Flink)
 * @param restore            the savepoint to start from, or {@code null}
 * @param failover           failover strategy: region (Flink's default) or full
 * @param plannedFailures    failures to inject at a time or a record count
 */
public record JobConfig(PipelineSpec pipeline, CheckpointOptions checkpointOptions, RuntimeOptions runtimeOptions,
                        StateBackendKind backend, Map<String, Integer> parallelism, Long records, Path outputDir,
                        RestartStrategy restartStrategy, boolean incremental, SavepointRestore restore,
                        FailoverStrategy failover, java.util.List<PlannedFailure> plannedFailures) {

    public JobConfig {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(checkpointOptions, "checkpointOptions");
        Objects.requireNonNull(runtimeOptions, "runtimeOptions");
        Objects.requireNonNull(backend, "backend");
        parallelism = parallelism == null ? Map.of() : Map.copyOf(parallelism);
        failover = failover == null ? FailoverStrategy.REGION : failover;
        plannedFailures = plannedFailures == null ? java.util.List.of() : java.util.List.copyOf(plannedFailures);
    }

    /** Runs {@code pipeline} with default checkpoint, runtime and backend settings. */
    public static JobConfig of(PipelineSpec pipeline) {
        return new JobConfig(pipeline, CheckpointOptions.defaults(), RuntimeOptions.defaults(),
                StateBackendKind.HASHMAP, Map.of(), null, null, null, false, null, FailoverStrategy.REGION, java.util.List.of());
    }

    public JobConfig withCheckpointOptions(CheckpointOptions v) {
        return new JobConfig(pipeline, v, runtimeOptions, backend, parallelism, records, outputDir,
                restartStrategy, incremental, restore, failover, plannedFailures);
    }

    public JobConfig withRuntimeOptions(RuntimeOptions v) {
        return new JobConfig(pipeline, checkpointOptions, v, backend, parallelism, records, outputDir,
                restartStrategy, incremental, restore, failover, plannedFailures);
    }

    public JobConfig withBackend(StateBackendKind v) {
        return new JobConfig(pipeline, checkpointOptions, runtimeOptions, v, parallelism, records, outputDir,
                restartStrategy, incremental, restore, failover, plannedFailures);
    }

    public JobConfig withParallelism(Map<String, Integer> v) {
        return new JobConfig(pipeline, checkpointOptions, runtimeOptions, backend, v, records, outputDir,
                restartStrategy, incremental, restore, failover, plannedFailures);
    }

    public JobConfig withRecords(Long v) {
        return new JobConfig(pipeline, checkpointOptions, runtimeOptions, backend, parallelism, v, outputDir,
                restartStrategy, incremental, restore, failover, plannedFailures);
    }

    public JobConfig withRestartStrategy(RestartStrategy v) {
        return new JobConfig(pipeline, checkpointOptions, runtimeOptions, backend, parallelism, records, outputDir,
                v, incremental, restore, failover, plannedFailures);
    }

    /** The restart strategy in force: the configured one, or Flink's default for the checkpoint options. */
    public RestartStrategy effectiveRestartStrategy() {
        return restartStrategy != null ? restartStrategy
                : RestartStrategy.flinkDefault(checkpointOptions.periodic());
    }

    public JobConfig withIncremental(boolean v) {
        return new JobConfig(pipeline, checkpointOptions, runtimeOptions, backend, parallelism, records, outputDir,
                restartStrategy, v, restore, failover, plannedFailures);
    }

    public JobConfig withRestore(SavepointRestore v) {
        return new JobConfig(pipeline, checkpointOptions, runtimeOptions, backend, parallelism, records, outputDir,
                restartStrategy, incremental, v, failover, plannedFailures);
    }

    public JobConfig withFailover(FailoverStrategy v) {
        return new JobConfig(pipeline, checkpointOptions, runtimeOptions, backend, parallelism, records, outputDir,
                restartStrategy, incremental, restore, v, plannedFailures);
    }

    public JobConfig withPlannedFailures(java.util.List<PlannedFailure> v) {
        return new JobConfig(pipeline, checkpointOptions, runtimeOptions, backend, parallelism, records, outputDir,
                restartStrategy, incremental, restore, failover, v);
    }

    public JobConfig withOutputDir(Path v) {
        return new JobConfig(pipeline, checkpointOptions, runtimeOptions, backend, parallelism, records, v,
                restartStrategy, incremental, restore, failover, plannedFailures);
    }
}
