package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.checkpointlab.flink.EmbeddedFlinkCluster;
import org.checkpointlab.flink.FlinkKeyAssignment;
import org.checkpointlab.flink.FlinkRefusal;
import org.checkpointlab.flink.FlinkRun;
import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.SinkSummary;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.operators.SourceRecords;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorParams;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;

/**
 * Runs one pipeline on both engines, {@code pairs} times, alternating which goes first (the local engine in odd
 * pairs), and collects the figures of every run, the committed output of each sink in the last pair, and the
 * key -> subtask assignment of every keyed operator checked against Flink's.
 */
final class EngineComparison {
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);
    /** Most keys checked per source for the key assignment. */
    private static final int MAX_KEYS = 100_000;

    /**
     * @param local              the local engine's runs
     * @param flink              Flink's runs
     * @param sinks              per sink, the last pair's committed output on both engines
     * @param keys               per keyed operator, the key assignment check
     * @param outputNotComparable why equal output is not expected (timing-dependent, stopped early), or null
     */
    record Result(String pipeline, List<EngineRunFigures> local, List<EngineRunFigures> flink,
                  List<SinkComparison> sinks, List<KeyCheck> keys, String outputNotComparable) {
    }

    /** One sink's committed output on both engines; {@code equal} when counts and digests are. */
    record SinkComparison(String sinkId, long localCount, String localDigest, long flinkCount, String flinkDigest) {
        boolean equal() {
            return localCount == flinkCount && localDigest.equals(flinkDigest);
        }
    }

    /** A keyed operator's key -> subtask assignment compared with Flink's for {@code keys} keys. */
    record KeyCheck(String operatorId, int parallelism, int maxParallelism, int keys, long mismatches) {
    }

    private EngineComparison() {
    }

    static Result run(JobConfig config, int pairs, Duration duration, EmbeddedFlinkCluster cluster, PrintWriter err)
            throws InterruptedException, FlinkRefusal, PipelineException {
        List<EngineRunFigures> local = new ArrayList<>();
        List<EngineRunFigures> flink = new ArrayList<>();
        for (int pair = 1; pair <= pairs; pair++) {
            boolean localFirst = pair % 2 == 1;
            for (int k = 0; k < 2; k++) {
                boolean onLocal = localFirst == (k == 0);
                err.printf(Locale.ROOT, "pair %d of %d: %s...%n", pair, pairs, onLocal ? "local engine" : "Flink");
                err.flush();
                JobSummary summary = onLocal ? runLocal(config, duration) : runFlink(config, duration, cluster);
                (onLocal ? local : flink).add(EngineRunFigures.of(summary));
            }
        }
        EngineRunFigures lastLocal = local.get(local.size() - 1);
        EngineRunFigures lastFlink = flink.get(flink.size() - 1);
        List<SinkComparison> sinks = new ArrayList<>();
        for (Map.Entry<String, SinkSummary> e : lastLocal.sinks().entrySet()) {
            SinkSummary f = lastFlink.sinks().get(e.getKey());
            sinks.add(new SinkComparison(e.getKey(), e.getValue().committedRecords(), e.getValue().digest(),
                    f == null ? 0 : f.committedRecords(), f == null ? "-" : f.digest()));
        }
        return new Result(config.pipeline().name(), local, flink, sinks, keyChecks(config),
                outputNotComparable(config, lastLocal, lastFlink).orElse(null));
    }

    private static Optional<String> outputNotComparable(JobConfig config, EngineRunFigures local,
                                                        EngineRunFigures flink) {
        if (local.status() != JobStatus.FINISHED || flink.status() != JobStatus.FINISHED) {
            return Optional.of("the runs ended " + local.status() + " (local) and " + flink.status()
                    + " (Flink), not both FINISHED");
        }
        return DeliveryCheck.notComputableBecause(config);
    }

    private static JobSummary runLocal(JobConfig config, Duration duration) throws InterruptedException,
            PipelineException {
        try (Job job = Job.start(config)) {
            if (!await(job::awaitTermination, duration)) {
                job.cancel();
                job.awaitTermination(CANCEL_WAIT);
            }
            return job.summary();
        }
    }

    private static JobSummary runFlink(JobConfig config, Duration duration, EmbeddedFlinkCluster cluster)
            throws InterruptedException, FlinkRefusal {
        try (FlinkRun run = FlinkRun.submit(cluster, config)) {
            run.awaitRunning(Duration.ofSeconds(60));
            if (!await(run::awaitTermination, duration)) {
                run.cancel();
                run.awaitTermination(CANCEL_WAIT);
            }
            return run.summary();
        }
    }

    private interface Awaitable {
        boolean await(Duration timeout) throws InterruptedException;
    }

    private static boolean await(Awaitable job, Duration duration) throws InterruptedException {
        if (duration != null) {
            return job.await(duration);
        }
        while (!job.await(Duration.ofHours(1))) {
            // a bounded job ends by itself
        }
        return true;
    }

    /** Every keyed operator's assignment of the sources' keys, checked against Flink's. */
    static List<KeyCheck> keyChecks(JobConfig config) {
        Set<Object> keys = sourceKeys(config.pipeline());
        List<KeyCheck> checks = new ArrayList<>();
        for (OperatorSpec op : config.pipeline().operators()) {
            boolean keyed = OperatorKind.byJsonName(op.kind()).map(OperatorKind::keyed).orElse(false);
            if (keyed) {
                int p = config.parallelism().getOrDefault(op.id(), op.parallelism());
                int maxP = PipelineValidator.effectiveMaxParallelism(op.withParallelism(p));
                checks.add(new KeyCheck(op.id(), p, maxP, keys.size(), FlinkKeyAssignment.mismatches(keys, maxP, p)));
            }
        }
        return checks;
    }

    /** The keys the sources make: sequence keys 0 .. keys-1 (at most 100,000), the sentences' words. */
    private static Set<Object> sourceKeys(PipelineSpec p) {
        Set<Object> keys = new LinkedHashSet<>();
        for (OperatorSpec op : p.operators()) {
            OperatorKind kind = OperatorKind.byJsonName(op.kind()).orElse(null);
            if (kind == OperatorKind.SEQUENCE_SOURCE) {
                OperatorParams params = kind.paramsOf(op);
                for (long k = 0; k < Math.min(MAX_KEYS, params.getLong("keys")); k++) {
                    keys.add(k);
                }
            } else if (kind == OperatorKind.SENTENCE_SOURCE) {
                long seed = kind.paramsOf(op).getLong("seed");
                for (long i = 0; i < 10_000; i++) {
                    for (String word : SourceRecords.sentence(seed, i).split(" ")) {
                        keys.add(word);
                    }
                }
            }
        }
        return keys;
    }
}
