package org.checkpointlab.flink;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.checkpointlab.model.runtime.SinkStore;

/**
 * What a run on the embedded cluster shares with the process that started it: the sinks' external system (the
 * engine's {@link SinkStore}, so committed output, part files and digests are produced by the same code as on the
 * local engine) and per-operator record counters. Flink functions are serialized into the job and find their run
 * here by its id; this works because the MiniCluster runs in this JVM.
 *
 * <p>Thread-safe: tasks of many subtasks touch it at once.
 */
public final class RunRegistry {
    private static final Map<String, RunRegistry> RUNS = new ConcurrentHashMap<>();

    private final String runId;
    private final SinkStore sinks;
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final boolean fromSavepoint;
    /** Failures requested now (chaos, tests), by {@code operator#subtask}, until that subtask's next record. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> requestedFailures = new ConcurrentHashMap<>();
    private final LongAdder failuresThrown = new LongAdder();
    private final java.util.concurrent.atomic.AtomicInteger failuresPending = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong sourcesStartedMillis = new java.util.concurrent.atomic.AtomicLong();
    /** Per sink, the checkpoint id of the savepoint the run started from, once its committer has seen it. */
    private final Map<String, Long> savepointCheckpoints = new ConcurrentHashMap<>();

    private RunRegistry(String runId, Path outputDirectory, boolean fromSavepoint) {
        this.runId = runId;
        this.fromSavepoint = fromSavepoint;
        this.sinks = new SinkStore(outputDirectory);
    }

    /**
     * Registers a new run whose transactional sinks without a {@code path} write under {@code outputDirectory};
     * {@code fromSavepoint} when the job starts from a savepoint.
     */
    public static RunRegistry register(String runId, Path outputDirectory, boolean fromSavepoint) {
        RunRegistry run = new RunRegistry(runId, outputDirectory, fromSavepoint);
        if (RUNS.putIfAbsent(runId, run) != null) {
            throw new IllegalStateException("run " + runId + " is registered already");
        }
        return run;
    }

    /**
     * A new id for a run submitted as a job jar to a cluster outside this process: its tasks find no registry
     * there, so each task JVM (each job's class loader) makes one of its own on first use ({@link #of}), with no
     * output directory (transactional sinks write only where their {@code path} says) and, when
     * {@code fromSavepoint}, the savepoint's transactions taken as committed by the run that took it.
     */
    public static String detachedRunId(boolean fromSavepoint) {
        return (fromSavepoint ? DETACHED_FROM_SAVEPOINT : DETACHED) + java.util.UUID.randomUUID();
    }

    private static final String DETACHED = "detached:";
    private static final String DETACHED_FROM_SAVEPOINT = "detached-from-savepoint:";

    /** The run {@code runId}; fails when the job runs outside the process that registered it. */
    public static RunRegistry of(String runId) {
        RunRegistry run = RUNS.get(runId);
        if (run == null && (runId.startsWith(DETACHED) || runId.startsWith(DETACHED_FROM_SAVEPOINT))) {
            return RUNS.computeIfAbsent(runId,
                    id -> new RunRegistry(id, null, id.startsWith(DETACHED_FROM_SAVEPOINT)));
        }
        if (run == null) {
            throw new IllegalStateException("run " + runId + " is not registered in this JVM: a translated "
                    + "pipeline runs only on the embedded cluster of the process that submitted it");
        }
        return run;
    }

    /** Forgets the run (its sink outputs stay readable through this object). */
    public void unregister() {
        RUNS.remove(runId, this);
    }

    public String runId() {
        return runId;
    }

    public SinkStore sinks() {
        return sinks;
    }

    /**
     * Notes the checkpoint a sink's committer was first restored from, when the run started from a savepoint:
     * only in the first attempt is that the savepoint itself.
     */
    public void noteRestore(String sinkId, int attempt, java.util.OptionalLong restoredCheckpointId) {
        if (fromSavepoint && attempt == 0 && restoredCheckpointId.isPresent()) {
            savepointCheckpoints.putIfAbsent(sinkId, restoredCheckpointId.getAsLong());
        }
    }

    /**
     * Whether a transaction of {@code sinkId} pre-committed at {@code checkpointId} belongs to the run that took the
     * savepoint this run started from: that run committed it when the savepoint completed (as the local engine,
     * which does not commit it again either).
     */
    public boolean committedBeforeSavepoint(String sinkId, long checkpointId) {
        Long savepoint = savepointCheckpoints.get(sinkId);
        return savepoint != null && checkpointId <= savepoint;
    }

    /** Makes subtask {@code subtask} of {@code operatorId} fail at its next record (once per call). */
    public void requestFailure(String operatorId, int subtask) {
        requestedFailures.computeIfAbsent(operatorId + "#" + subtask,
                k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        failuresPending.incrementAndGet();
    }

    /** Whether any requested failure is still pending: the probes' fast check on every record. */
    public boolean failuresRequested() {
        return failuresPending.get() > 0;
    }

    /** Takes one pending failure of the subtask, if there is one; the probe then throws it. */
    public boolean takeFailure(String operatorId, int subtask) {
        java.util.concurrent.atomic.AtomicInteger pending = requestedFailures.get(operatorId + "#" + subtask);
        if (pending == null || pending.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
            return false;
        }
        failuresThrown.increment();
        failuresPending.decrementAndGet();
        return true;
    }

    /** Requested failures thrown so far. */
    public long failuresThrown() {
        return failuresThrown.sum();
    }

    /** Called by each source subtask as it starts reading; the first call marks the start of processing. */
    public void markSourceStarted() {
        sourcesStartedMillis.compareAndSet(0, System.currentTimeMillis());
    }

    /** When the first source subtask started reading (epoch ms), or 0 if none has yet. */
    public long sourcesStartedMillis() {
        return sourcesStartedMillis.get();
    }

    /** Records taken in by {@code operatorId}, over all subtasks and attempts. */
    public LongAdder recordsIn(String operatorId) {
        return counters.computeIfAbsent(operatorId + "/in", k -> new LongAdder());
    }

    /** Records emitted by {@code operatorId}, over all subtasks and attempts. */
    public LongAdder recordsOut(String operatorId) {
        return counters.computeIfAbsent(operatorId + "/out", k -> new LongAdder());
    }
}
