package org.checkpointlab.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.FailoverStrategy;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.pipeline.CheckpointOption;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of {@code run} and how they make a {@link JobConfig}. Checkpoint options start from Flink's defaults,
 * then the pipeline file's {@code checkpointing} section, then these flags; a flag not given changes nothing.
 * Every problem names the flag (or the option) it comes from; flags that do not go together are refused before the
 * job starts. Warnings (settings Flink ignores) are collected in {@link #warnings()}.
 */
final class RunFlags {

    @Option(names = "--records", paramLabel = "N",
            description = "Records per source, overriding the sources' count (0 = unbounded).")
    Long records;

    @Option(names = "--rate", paramLabel = "N",
            description = "Records per second per subtask of every source, overriding the sources' ratePerSecond "
                    + "(0 = as fast as possible).")
    Long rate;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long (e.g. 10s): the job is cancelled and the command exits 0.")
    Duration duration;

    @Option(names = "--parallelism", paramLabel = "OP=N",
            description = "Parallelism of operator OP (repeatable).")
    Map<String, Integer> parallelism = new LinkedHashMap<>();

    @Mixin
    CheckpointFlags checkpoint;

    @Option(names = "--backend", paramLabel = "hashmap|rocksdb", defaultValue = "hashmap",
            description = "State backend for keyed state (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--incremental",
            description = "Incremental checkpoints (RocksDB only; Flink ignores it for hashmap).")
    boolean incremental;

    @Option(names = "--failover", paramLabel = "region|full",
            description = "Which tasks restart after a failure: the failed task's region (default) or all.")
    String failover;

    @Mixin
    RestartFlags restart;

    @Mixin
    FaultFlags faults;

    @Mixin
    SavepointFlags savepoints;

    @Option(names = "--no-delivery-check",
            description = "Do not compare the committed output with a failure-free reference run at the end.")
    boolean noDeliveryCheck;

    private final List<String> warnings = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR",
            description = "Directory for the part files of transactional sinks.")
    Path output;

    @Option(names = "--buffer-size", paramLabel = "N", description = "Records per network buffer.")
    Integer bufferSize;

    @Option(names = "--buffers-per-channel", paramLabel = "N",
            description = "Buffers a channel holds before its sender is backpressured.")
    Integer buffersPerChannel;

    @Option(names = "--buffer-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Flush a partly filled output buffer after this long (default 100ms).")
    Duration bufferTimeout;

    @Option(names = "--low-priority",
            description = "Run subtask threads at the lowest OS priority, as the desktop app does, so that other "
                    + "programs stay responsive.")
    boolean lowPriority;

    @Option(names = "--no-chaining", description = "Do not chain forward edges into one task.")
    boolean noChaining;

    /**
     * The job configuration for {@code pipeline} (read from {@code file}) with these flags applied.
     *
     * @throws BadInputException naming every bad flag value, unknown operator or invalid checkpoint option
     */
    JobConfig toJobConfig(Path file, PipelineSpec pipeline) throws BadInputException {
        List<String> problems = new ArrayList<>();
        checkFlagValues(pipeline, problems);
        StateBackendKind backendKind = backendKind(problems);
        RuntimeOptions runtime = runtimeOptions(problems);
        CheckpointOptions options = checkpointOptions(file, pipeline, problems);
        FailoverStrategy failoverStrategy = failoverStrategy(problems);
        RestartStrategy restartStrategy = restart.toStrategy(problems);
        faults.check(pipeline, parallelism, problems);
        savepoints.check(duration, problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        PipelineSpec adjusted = SourceRates.withRate(noChaining ? pipeline.withChaining(false) : pipeline, rate);
        checkWithParallelism(adjusted);
        JobConfig config = JobConfig.of(adjusted)
                .withCheckpointOptions(options)
                .withRuntimeOptions(runtime)
                .withBackend(backendKind)
                .withIncremental(incremental && backendKind == StateBackendKind.ROCKSDB)
                .withFailover(failoverStrategy)
                .withRestartStrategy(restartStrategy)
                .withRestore(savepoints.restore())
                .withParallelism(parallelism)
                .withRecords(records)
                .withOutputDir(output)
                .withPlannedFailures(JobInterventions.plannedFailures(faults));
        SourceRates.boundedRunWarning(adjusted, records).ifPresent(warnings::add);
        if (faults.any() && config.effectiveRestartStrategy() instanceof RestartStrategy.None) {
            warnings.add("warning: the restart strategy is none (Flink's default when checkpointing is off), so "
                    + "the first injected failure fails the job; add --interval or --restart-strategy");
        }
        return config;
    }

    /** Settings Flink accepts but ignores, and other things the user should know; one line each. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void checkFlagValues(PipelineSpec pipeline, List<String> problems) {
        if (records != null && records < 0) {
            problems.add("--records must not be negative (0 = unbounded), was " + records);
        }
        if (rate != null && rate < 0) {
            problems.add("--rate must not be negative (0 = as fast as possible), was " + rate);
        }
        if (duration != null && duration.isZero()) {
            problems.add("--duration must be positive, was 0");
        }
        for (Map.Entry<String, Integer> e : parallelism.entrySet()) {
            if (pipeline.operator(e.getKey()).isEmpty()) {
                problems.add("--parallelism " + e.getKey() + "=" + e.getValue() + ": there is no operator '"
                        + e.getKey() + "' in the pipeline (operators: " + operatorIds(pipeline) + ")");
            } else if (e.getValue() == null || e.getValue() < 1) {
                problems.add("--parallelism " + e.getKey() + ": parallelism must be at least 1, was "
                        + e.getValue());
            }
        }
        requireDirectoryOrAbsent("--output", output, problems);
    }

    private StateBackendKind backendKind(List<String> problems) {
        StateBackendKind kind;
        try {
            kind = StateBackendKind.fromCliName(backend);
        } catch (IllegalArgumentException e) {
            problems.add("--backend: " + e.getMessage());
            return StateBackendKind.HASHMAP;
        }
        if (incremental && kind != StateBackendKind.ROCKSDB) {
            warnings.add("warning: --incremental applies only to --backend rocksdb; Flink ignores it for "
                    + kind.cliName() + ", and so does this run");
        }
        return kind;
    }

    private FailoverStrategy failoverStrategy(List<String> problems) {
        if (failover == null) {
            return FailoverStrategy.REGION;
        }
        return switch (failover.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "region" -> FailoverStrategy.REGION;
            case "full" -> FailoverStrategy.FULL;
            default -> {
                problems.add("--failover: unknown failover strategy '" + failover + "' (expected region or full)");
                yield FailoverStrategy.REGION;
            }
        };
    }

    private RuntimeOptions runtimeOptions(List<String> problems) {
        RuntimeOptions defaults = RuntimeOptions.defaults();
        boolean ok = requireAtLeast("--buffer-size", bufferSize, 1, problems)
                & requireAtLeast("--buffers-per-channel", buffersPerChannel, 1, problems);
        if (!ok) {
            return defaults;
        }
        return new RuntimeOptions(bufferSize != null ? bufferSize : defaults.bufferSize(),
                buffersPerChannel != null ? buffersPerChannel : defaults.buffersPerChannel(),
                bufferTimeout != null ? bufferTimeout : defaults.bufferTimeout(), lowPriority);
    }

    private CheckpointOptions checkpointOptions(Path file, PipelineSpec pipeline, List<String> problems)
            throws BadInputException {
        CheckpointOptions o;
        try {
            o = checkpoint.applyTo(pipeline.checkpointing().options(), problems);
        } catch (IllegalArgumentException e) {
            String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            throw new BadInputException(source + ": checkpointing: " + e.getMessage());
        }
        if (checkpoint.has(CheckpointOption.DIRECTORY)) {
            requireDirectoryOrAbsent(CheckpointFlags.flag(CheckpointOption.DIRECTORY), o.directory(), problems);
        }
        if (checkpoint.has(CheckpointOption.RETENTION) && o.directory() == null) {
            problems.add(CheckpointFlags.flag(CheckpointOption.RETENTION) + " needs "
                    + CheckpointFlags.flag(CheckpointOption.DIRECTORY) + " DIR: retained checkpoints are files "
                    + "(DIR/chk-N), not the job manager's memory");
        }
        for (String p : o.problems()) {
            problems.add("invalid checkpoint options: " + p);
        }
        return o;
    }

    /** A new parallelism may break a forward edge; the validator names it. */
    private void checkWithParallelism(PipelineSpec pipeline) throws BadInputException {
        if (parallelism.isEmpty()) {
            return;
        }
        List<OperatorSpec> ops = pipeline.operators().stream()
                .map(op -> parallelism.containsKey(op.id()) ? op.withParallelism(parallelism.get(op.id())) : op)
                .toList();
        try {
            PipelineValidator.validate(pipeline.withOperators(ops));
        } catch (PipelineException e) {
            throw new BadInputException(e.problems().stream().map(p -> "with --parallelism applied: " + p)
                    .toList());
        }
    }

    private static boolean requireAtLeast(String flag, Integer value, int min, List<String> problems) {
        if (value != null && value < min) {
            problems.add(flag + " must be at least " + min + ", was " + value);
            return false;
        }
        return true;
    }

    private static void requireDirectoryOrAbsent(String flag, Path dir, List<String> problems) {
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            problems.add(flag + " " + dir + ": exists and is not a directory");
        }
    }

    private static String operatorIds(PipelineSpec pipeline) {
        return String.join(", ", pipeline.operators().stream().map(OperatorSpec::id).toList());
    }
}
