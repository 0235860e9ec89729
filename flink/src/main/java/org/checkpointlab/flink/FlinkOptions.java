package org.checkpointlab.flink;

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
import org.checkpointlab.model.job.PlannedFailure;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.pipeline.CheckpointOption;
import org.checkpointlab.model.pipeline.OperatorKind;

/**
 * Maps a run's settings to Flink's configuration keys of the same meaning: the job's keys (checkpointing, state
 * backend, restart strategy, buffer timeout, savepoint restore) and the cluster's (failover strategy, buffers per
 * channel, which Flink reads when the cluster starts). A setting Flink has no equivalent for is refused by name.
 *
 * @param job     keys for the job's configuration
 * @param cluster keys the embedded cluster must have been started with
 */
public record FlinkOptions(Map<String, String> job, Map<String, String> cluster) {
    public FlinkOptions {
        job = Map.copyOf(job);
        cluster = Map.copyOf(cluster);
    }

    /**
     * The Flink keys for {@code config}.
     *
     * @throws FlinkRefusal naming every setting that Flink cannot run as configured
     */
    public static FlinkOptions of(JobConfig config) throws FlinkRefusal {
        List<String> problems = new ArrayList<>();
        Map<String, String> job = new LinkedHashMap<>();
        Map<String, String> cluster = new LinkedHashMap<>();
        checkpointing(config.checkpointOptions(), job);
        backend(config, job, problems);
        restart(config.effectiveRestartStrategy(), job);
        cluster.put("jobmanager.execution.failover-strategy",
                config.failover() == FailoverStrategy.FULL ? "full" : "region");
        runtime(config.runtimeOptions(), job, cluster, problems);
        if (config.restore() != null) {
            restore(config, job, problems);
        }
        for (PlannedFailure f : config.plannedFailures()) {
            boolean source = config.pipeline().operator(f.operatorId()).flatMap(op -> OperatorKind.byJsonName(op.kind()))
                    .map(k -> k.role() == OperatorKind.Role.SOURCE).orElse(false);
            if (source) {
                problems.add("--fail " + f.operatorId() + ":" + f.subtask() + ": on Flink the failure hook wraps "
                        + "operators and sinks, not sources; make a downstream operator fail instead");
            }
        }
        if (!problems.isEmpty()) {
            throw new FlinkRefusal(problems);
        }
        return new FlinkOptions(job, cluster);
    }

    private static void checkpointing(CheckpointOptions o, Map<String, String> job) {
        for (CheckpointOption<?> option : CheckpointOption.ALL) {
            String value = option.flinkValue(o);
            if (value != null) {
                job.put(option.flinkKey(), value);
            }
        }
        job.put("execution.checkpointing.storage", o.directory() != null ? "filesystem" : "jobmanager");
    }

    /**
     * Flink's heap backend, or its embedded RocksDB backend (flink-statebackend-rocksdb, on FRocksDB, the RocksDB the
     * local engine's backend uses too) with incremental checkpoints as the run says.
     */
    private static void backend(JobConfig config, Map<String, String> job, List<String> problems) {
        if (config.backend() == StateBackendKind.ROCKSDB) {
            job.put("state.backend.type", "rocksdb");
            job.put("execution.checkpointing.incremental", Boolean.toString(config.incremental()));
        } else {
            job.put("state.backend.type", "hashmap");
        }
    }

    private static void restart(RestartStrategy strategy, Map<String, String> job) {
        if (strategy instanceof RestartStrategy.FixedDelay f) {
            job.put("restart-strategy.type", "fixed-delay");
            job.put("restart-strategy.fixed-delay.attempts", Integer.toString(f.attempts()));
            job.put("restart-strategy.fixed-delay.delay", ms(f.delay()));
        } else if (strategy instanceof RestartStrategy.ExponentialDelay e) {
            job.put("restart-strategy.type", "exponential-delay");
            job.put("restart-strategy.exponential-delay.initial-backoff", ms(e.initial()));
            job.put("restart-strategy.exponential-delay.max-backoff", ms(e.max()));
            job.put("restart-strategy.exponential-delay.backoff-multiplier", Double.toString(e.multiplier()));
            job.put("restart-strategy.exponential-delay.reset-backoff-threshold", ms(e.resetThreshold()));
            job.put("restart-strategy.exponential-delay.jitter-factor", Double.toString(e.jitter()));
        } else if (strategy instanceof RestartStrategy.FailureRate r) {
            job.put("restart-strategy.type", "failure-rate");
            job.put("restart-strategy.failure-rate.max-failures-per-interval", Integer.toString(r.maxFailures()));
            job.put("restart-strategy.failure-rate.failure-rate-interval", ms(r.interval()));
            job.put("restart-strategy.failure-rate.delay", ms(r.delay()));
        } else {
            job.put("restart-strategy.type", "none");
        }
    }

    private static void runtime(RuntimeOptions r, Map<String, String> job, Map<String, String> cluster,
                                List<String> problems) {
        RuntimeOptions defaults = RuntimeOptions.defaults();
        if (r.bufferSize() != defaults.bufferSize()) {
            problems.add("--buffer-size " + r.bufferSize() + ": Flink sizes network buffers in bytes "
                    + "(taskmanager.memory.segment-size), not in records; leave it out with --engine flink");
        }
        if (r.lowPrioritySubtasks()) {
            problems.add("--low-priority: Flink's task threads run at normal priority; leave it out with "
                    + "--engine flink");
        }
        if (r.buffersPerChannel() != defaults.buffersPerChannel()) {
            cluster.put("taskmanager.network.memory.buffers-per-channel", Integer.toString(r.buffersPerChannel()));
        }
        job.put("execution.buffer-timeout.interval", ms(r.bufferTimeout()));
    }

    private static void restore(JobConfig config, Map<String, String> job, List<String> problems) {
        Path path = config.restore().path();
        if (Files.exists(path.resolve("_metadata.json"))) {
            problems.add("--from-savepoint " + path + ": a savepoint of the local engine; Flink restores only its "
                    + "own savepoints (a directory with a _metadata file)");
            return;
        }
        if (!Files.exists(path.resolve("_metadata")) && !Files.isRegularFile(path)) {
            problems.add("--from-savepoint " + path + ": no Flink savepoint there (no _metadata file)");
            return;
        }
        job.put("execution.state-recovery.path", path.toAbsolutePath().toUri().toString());
        job.put("execution.state-recovery.ignore-unclaimed-state",
                Boolean.toString(config.restore().allowNonRestoredState()));
    }

    private static String ms(Duration d) {
        return d.toMillis() + " ms";
    }
}
