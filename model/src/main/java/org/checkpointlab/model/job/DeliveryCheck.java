package org.checkpointlab.model.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.DeliveryVerdict.NotComputable;
import org.checkpointlab.model.job.DeliveryVerdict.Reason;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * Checks a finished run's delivery guarantee end to end: compares what each sink committed with what a
 * failure-free run of the same pipeline must commit, so a user sees "exactly-once held", or how many records were
 * duplicated or lost.
 *
 * <p>The expected output is computable when the pipeline's output is a function of its input: every source is
 * bounded and replays the same records (the sources are deterministic), and no operator's output depends on timing
 * or arrival order. Processing-time windows depend on timing; a {@code keyed-sum} emits running sums that depend on
 * the order in which records of one key arrive from several input subtasks. A {@code slow} operator with jitter, or
 * a source rate limit, only changes timing, not data. A run restored from a savepoint, or stopped with one, commits
 * only part of the pipeline's output, so it cannot be compared on its own.
 *
 * <p>How: a reference job runs in this JVM with the same pipeline and overrides, every source's
 * {@code ratePerSecond} and every {@code slow} operator's cost set to 0, checkpointing off (transactional sinks commit at the end of input), the heap
 * backend and no failures. Each sink's committed records are compared as multisets of {@code key,value} text:
 * a record committed more often than in the reference is a duplicate (at-least-once replays, or keyed counts that
 * ran higher), one committed less often is missing. When either side kept only part of its records in memory
 * ({@link SinkOutput#truncated()}), only the counts and digests are compared.
 */
public final class DeliveryCheck {
    /** How long the reference run may take before the check gives up. */
    static final Duration REFERENCE_TIMEOUT = Duration.ofMinutes(10);

    private DeliveryCheck() {
    }

    /**
     * One sink's delivery: its committed records against the reference.
     *
     * @param sinkId     the sink operator
     * @param kind       its kind, e.g. {@code transactional-sink}
     * @param committed  records it committed (made visible)
     * @param expected   records a failure-free run commits, or -1 when not computable
     * @param duplicates records committed more often than in the reference (or not in it at all); -1 when not
     *                   computable
     * @param missing    records of the reference committed fewer times, or not at all; -1 when not computable
     * @param assessment the verdict as facts (a front end words them; {@link #verdict()} is the English)
     */
    public record SinkDelivery(String sinkId, String kind, long committed, long expected, long duplicates,
                               long missing, DeliveryVerdict assessment) {
        /**
         * {@code exactly-once held}, {@code at-least-once: N duplicates, nothing lost}, {@code N records lost}, or
         * {@code not computable: <why>}: the command line's words.
         */
        public String verdict() {
            return assessment.english();
        }

        public boolean computable() {
            return expected >= 0;
        }

        /** Whether the committed output equals the reference's. */
        public boolean exactlyOnce() {
            return computable() && duplicates == 0 && missing == 0;
        }
    }

    /**
     * Checks the sinks of a job that ran with {@code ran} and FINISHED, whose sinks committed {@code actual}:
     * runs the reference job and compares. Sinks appear in pipeline order.
     *
     * @return one entry per sink with an output; each says "not computable" with the reason when the expected
     *         output cannot be known
     */
    public static List<SinkDelivery> check(JobConfig ran, Map<String, SinkOutput> actual)
            throws InterruptedException {
        Optional<NotComputable> reason = notComputableReason(ran);
        if (reason.isPresent()) {
            return notComputable(ran, actual, reason.get());
        }
        Map<String, SinkOutput> expected;
        try (Job reference = Job.start(referenceConfig(ran))) {
            if (!reference.awaitTermination(REFERENCE_TIMEOUT)) {
                return notComputable(ran, actual, NotComputable.of(Reason.REFERENCE_TIMEOUT,
                        REFERENCE_TIMEOUT.toMinutes()));
            }
            if (reference.status() != JobStatus.FINISHED) {
                return notComputable(ran, actual, NotComputable.of(Reason.REFERENCE_ENDED, reference.status(),
                        reference.summary().failureCause()));
            }
            expected = reference.sinkOutputs();
        } catch (PipelineException e) {
            return notComputable(ran, actual, NotComputable.of(Reason.REFERENCE_NOT_STARTED, String.join("; ",
                    e.problems())));
        }
        List<SinkDelivery> result = new ArrayList<>();
        for (OperatorSpec sink : sinksWithOutput(ran.pipeline(), actual)) {
            SinkOutput exp = expected.get(sink.id());
            SinkOutput act = actual.get(sink.id());
            if (exp == null) {
                result.add(notComputable(sink, act, NotComputable.of(Reason.NO_REFERENCE_OUTPUT)));
            } else {
                result.add(compare(sink.id(), sink.kind(), exp, act));
            }
        }
        return result;
    }

    /**
     * Checks the sinks of a job that went through several deployments (each one stopped with a savepoint that the
     * next was restored from, as a rescale or redeploy does) against one failure-free run of the first: the records
     * every deployment committed, taken together, must equal the reference's. The last deployment FINISHED.
     *
     * @param deployments each deployment's configuration, oldest first; the first one starts without a savepoint
     * @param outputs     each deployment's sink outputs, in the same order
     * @return one entry per sink with an output in any deployment, with {@code committed} over all of them
     */
    public static List<SinkDelivery> checkChain(List<JobConfig> deployments, List<Map<String, SinkOutput>> outputs)
            throws InterruptedException {
        if (deployments.isEmpty() || deployments.size() != outputs.size()) {
            throw new IllegalArgumentException("one output per deployment expected: " + deployments.size()
                    + " deployments, " + outputs.size() + " outputs");
        }
        Map<String, List<SinkOutput>> bySink = new java.util.LinkedHashMap<>();
        for (Map<String, SinkOutput> deployment : outputs) {
            deployment.forEach((sink, out) -> bySink.computeIfAbsent(sink, s -> new ArrayList<>()).add(out));
        }
        Map<String, SinkOutput> together = new HashMap<>();
        bySink.forEach((sink, parts) -> together.put(sink, SinkOutput.concatenation(sink, parts)));
        JobConfig first = deployments.get(0);
        if (deployments.size() == 1) {
            return check(first, together);
        }
        for (JobConfig later : deployments.subList(1, deployments.size())) {
            Optional<NotComputable> reason = notComputableReason(later.withRestore(null));
            if (reason.isPresent()) {
                return notComputable(first, together, reason.get());
            }
        }
        return check(first, together);
    }

    /** Every sink of {@code ran} as not computable for {@code reason} (e.g. the job was stopped early). */
    public static List<SinkDelivery> notComputable(JobConfig ran, Map<String, SinkOutput> actual,
                                                   NotComputable reason) {
        return sinksWithOutput(ran.pipeline(), actual).stream()
                .map(sink -> notComputable(sink, actual.get(sink.id()), reason)).toList();
    }

    /** As {@link #notComputable(JobConfig, Map, NotComputable)} for a reason an engine words itself, in English. */
    public static List<SinkDelivery> notComputable(JobConfig ran, Map<String, SinkOutput> actual, String reason) {
        return notComputable(ran, actual, NotComputable.of(Reason.OTHER, reason));
    }

    /** Why the committed output of a job configured as {@code ran} cannot be predicted, in English; empty when it can. */
    public static Optional<String> notComputableBecause(JobConfig ran) {
        return notComputableReason(ran).map(NotComputable::english);
    }

    /** Why the committed output of a job configured as {@code ran} cannot be predicted; empty when it can. */
    public static Optional<NotComputable> notComputableReason(JobConfig ran) {
        if (ran.restore() != null) {
            return Optional.of(NotComputable.of(Reason.RESTORED_FROM_SAVEPOINT, ran.restore().path()));
        }
        PipelineSpec p = ran.pipeline();
        for (OperatorSpec op : p.operators()) {
            OperatorKind kind = OperatorKind.byJsonName(op.kind()).orElse(null);
            if (kind == null) {
                return Optional.of(NotComputable.of(Reason.UNKNOWN_KIND, op.id(), op.kind()));
            }
            Map<String, Object> params = kind.resolvedParams(op);
            if (kind.role() == OperatorKind.Role.SOURCE) {
                long count = ran.records() != null ? ran.records() : ((Number) params.get("count")).longValue();
                if (count == 0) {
                    return Optional.of(NotComputable.of(Reason.UNBOUNDED_SOURCE, op.id()));
                }
            }
            if (kind == OperatorKind.TUMBLING_WINDOW_COUNT && "ms".equals(params.get("unit"))) {
                return Optional.of(NotComputable.of(Reason.PROCESSING_TIME_WINDOWS, op.id()));
            }
            if (kind == OperatorKind.KEYED_SUM && !singleOrderedInput(p, ran, op.id())) {
                return Optional.of(NotComputable.of(Reason.KEYED_SUM_ORDER, op.id()));
            }
        }
        return Optional.empty();
    }

    /** Whether everything upstream of {@code id} is one line of single-subtask operators (one order of records). */
    private static boolean singleOrderedInput(PipelineSpec p, JobConfig ran, String id) {
        Set<String> seen = new HashSet<>();
        String current = id;
        while (seen.add(current)) {
            List<EdgeSpec> inputs = p.inputsOf(current);
            if (inputs.isEmpty()) {
                return true;
            }
            if (inputs.size() > 1) {
                return false;
            }
            String upstream = inputs.get(0).from();
            OperatorSpec op = p.operator(upstream).orElseThrow();
            if (ran.parallelism().getOrDefault(upstream, op.parallelism()) != 1) {
                return false;
            }
            current = upstream;
        }
        return false;
    }

    /**
     * The failure-free reference of {@code ran}: same pipeline and overrides, sources unthrottled, checkpointing
     * off, heap backend, no restore, and no files (transactional sinks' {@code path} removed).
     */
    static JobConfig referenceConfig(JobConfig ran) {
        List<OperatorSpec> ops = new ArrayList<>();
        for (OperatorSpec op : ran.pipeline().operators()) {
            OperatorKind kind = OperatorKind.byJsonName(op.kind()).orElseThrow();
            Map<String, Object> params = new HashMap<>(op.params());
            if (kind.role() == OperatorKind.Role.SOURCE && kind.param("ratePerSecond").isPresent()) {
                params.put("ratePerSecond", 0L);
            }
            if (kind == OperatorKind.SLOW) { // its cost only paces the job; the records stay as they are
                params.put("costMicros", 0L);
                params.put("jitterMicros", 0L);
            }
            if (kind == OperatorKind.TRANSACTIONAL_SINK) {
                params.remove("path");
            }
            ops.add(op.withParams(params));
        }
        return JobConfig.of(ran.pipeline().withOperators(ops))
                .withRuntimeOptions(ran.runtimeOptions())
                .withCheckpointOptions(CheckpointOptions.defaults())
                .withBackend(StateBackendKind.HASHMAP)
                .withParallelism(ran.parallelism())
                .withRecords(ran.records())
                .withRestartStrategy(new RestartStrategy.None());
    }

    /** Compares one sink's committed output with the reference's. */
    static SinkDelivery compare(String sinkId, String kind, SinkOutput expected, SinkOutput actual) {
        long committed = actual.count();
        long exp = expected.count();
        if (expected.truncated() || actual.truncated()) {
            return compareCountsAndDigests(sinkId, kind, expected, actual);
        }
        Map<String, Long> balance = new HashMap<>();
        for (StreamRecord r : expected.records()) {
            balance.merge(text(r), 1L, Long::sum);
        }
        for (StreamRecord r : actual.records()) {
            balance.merge(text(r), -1L, Long::sum);
        }
        long duplicates = 0;
        long missing = 0;
        for (long b : balance.values()) {
            if (b > 0) {
                missing += b;
            } else {
                duplicates -= b;
            }
        }
        return new SinkDelivery(sinkId, kind, committed, exp, duplicates, missing,
                DeliveryVerdict.compared(duplicates, missing));
    }

    private static SinkDelivery compareCountsAndDigests(String sinkId, String kind, SinkOutput expected,
                                                        SinkOutput actual) {
        long diff = actual.count() - expected.count();
        DeliveryVerdict verdict = DeliveryVerdict.countsOnly(diff, expected.digest().equals(actual.digest()));
        return new SinkDelivery(sinkId, kind, actual.count(), expected.count(), verdict.duplicates(),
                verdict.missing(), verdict);
    }

    static String verdict(long duplicates, long missing) {
        return DeliveryVerdict.compared(duplicates, missing).english();
    }

    private static String text(StreamRecord r) {
        return r.key() + "," + r.value();
    }

    private static SinkDelivery notComputable(OperatorSpec sink, SinkOutput output, NotComputable reason) {
        return new SinkDelivery(sink.id(), sink.kind(), output == null ? 0 : output.count(), -1, -1, -1,
                DeliveryVerdict.notComputable(reason));
    }

    /** The pipeline's sinks that have an output (a discard sink has none), in pipeline order. */
    private static List<OperatorSpec> sinksWithOutput(PipelineSpec p, Map<String, SinkOutput> actual) {
        return p.operators().stream().filter(op -> actual.containsKey(op.id())).toList();
    }
}
