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
        return copy(c -> c.checkpointOptions = v);
    }

    public JobConfig withRuntimeOptions(RuntimeOptions v) {
        return copy(c -> c.runtimeOptions = v);
    }

    public JobConfig withBackend(StateBackendKind v) {
        return copy(c -> c.backend = v);
    }

    public JobConfig withParallelism(Map<String, Integer> v) {
        return copy(c -> c.parallelism = v);
    }

    public JobConfig withRecords(Long v) {
        return copy(c -> c.records = v);
    }

    public JobConfig withRestartStrategy(RestartStrategy v) {
        return copy(c -> c.restartStrategy = v);
    }

    /** The restart strategy in force: the configured one, or Flink's default for the checkpoint options. */
    public RestartStrategy effectiveRestartStrategy() {
        return restartStrategy != null ? restartStrategy
                : RestartStrategy.flinkDefault(checkpointOptions.periodic());
    }

    public JobConfig withIncremental(boolean v) {
        return copy(c -> c.incremental = v);
    }

    public JobConfig withRestore(SavepointRestore v) {
        return copy(c -> c.restore = v);
    }

    public JobConfig withFailover(FailoverStrategy v) {
        return copy(c -> c.failover = v);
    }

    public JobConfig withPlannedFailures(java.util.List<PlannedFailure> v) {
        return copy(c -> c.plannedFailures = v);
    }

    public JobConfig withOutputDir(Path v) {
        return copy(c -> c.outputDir = v);
    }

    /** The one path by which the {@code with…} methods copy this config with one component changed. */
    private JobConfig copy(java.util.function.Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return new JobConfig(c.pipeline, c.checkpointOptions, c.runtimeOptions, c.backend, c.parallelism, c.records,
                c.outputDir, c.restartStrategy, c.incremental, c.restore, c.failover, c.plannedFailures);
    }

    /** The components of a config being copied, open for one {@code with…} method to change. */
    private static final class Copy {
        private final PipelineSpec pipeline;
        private CheckpointOptions checkpointOptions;
        private RuntimeOptions runtimeOptions;
        private StateBackendKind backend;
        private Map<String, Integer> parallelism;
        private Long records;
        private Path outputDir;
        private RestartStrategy restartStrategy;
        private boolean incremental;
        private SavepointRestore restore;
        private FailoverStrategy failover;
        private java.util.List<PlannedFailure> plannedFailures;

        private Copy(JobConfig from) {
            pipeline = from.pipeline;
            checkpointOptions = from.checkpointOptions;
            runtimeOptions = from.runtimeOptions;
            backend = from.backend;
            parallelism = from.parallelism;
            records = from.records;
            outputDir = from.outputDir;
            restartStrategy = from.restartStrategy;
            incremental = from.incremental;
            restore = from.restore;
            failover = from.failover;
            plannedFailures = from.plannedFailures;
        }
    }
}
