package org.checkpointlab.model.savepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.PlannedFailure;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.job.StopWithSavepointException;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.streamrecord.StreamRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stop-with-savepoint, then resume from it at a random new parallelism: both runs' committed output together is a
 * failure-free run's, record for record, whatever races with the stop. Each seed picks a bounded or unbounded job,
 * with or without drain, the moment of the stop (by records emitted, so beyond the end of a bounded input the end
 * of input races with the stop), injected failures before the stop and after the resume, the checkpoint interval,
 * aligned or unaligned checkpoints and the state backend. A failing seed reproduces the scenario; the record counts
 * at which the stop is requested may differ by a few buffers between runs.
 *
 * <p>The default suite runs {@value #DEFAULT_SEEDS} seeds; {@code -Dcheckpointlab.stopSeeds=N} runs more (the
 * {@code long-tests} profile runs 60), {@code -Dcheckpointlab.stopSeed=S} runs seed S alone.
 */
class StopWithSavepointRandomizedTest {
    private static final int DEFAULT_SEEDS = 10;
    private static final long FIRST_SEED = 0x5EED_2026L;

    @TempDir
    Path dir;

    static Stream<Long> seeds() {
        Long one = Long.getLong("checkpointlab.stopSeed");
        int n = Integer.getInteger("checkpointlab.stopSeeds", DEFAULT_SEEDS);
        if (one != null) {
            return Stream.generate(() -> one).limit(Integer.getInteger("checkpointlab.stopSeeds", 1));
        }
        return LongStream.range(0, n).mapToObj(i -> FIRST_SEED + i * 7919);
    }

    /** sequence-source → hash → keyed-count → rebalance → transactional sink. */
    private static PipelineSpec pipeline(long count, long keys, long rate, int sourceP, int countP, int sinkP) {
        return new PipelineSpec(1, "stop test", List.of(
                new OperatorSpec("source", "source", "sequence-source", sourceP, null,
                        Map.of("count", count, "keys", keys, "ratePerSecond", rate)),
                new OperatorSpec("count", "count", "keyed-count", countP, null, Map.of()),
                new OperatorSpec("sink", "sink", "transactional-sink", sinkP, null, Map.of())),
                List.of(new EdgeSpec("source", "count", Partitioning.HASH),
                        new EdgeSpec("count", "sink", Partitioning.REBALANCE)),
                Map.of(), true);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void stopWithSavepointThenResume_bothRunsCommitExactlyWhatAFailureFreeRunCommits(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        long keys = 97 + random.nextInt(900);
        boolean bounded = random.nextBoolean();
        boolean drain = random.nextInt(3) == 0;
        long count = bounded ? 20_000 + random.nextInt(180_000) : 0;
        // Bounded runs are fast (the end of input races with the stop) or rate limited; unbounded ones limited.
        long rate = bounded && random.nextBoolean() ? 0 : 20_000 + random.nextInt(60_000);
        long stopAt = bounded ? random.nextLong(count + count / 4) : 2_000 + random.nextInt(30_000);
        int sourceP = 1 + random.nextInt(3);
        int countP = 1 + random.nextInt(3);
        int sinkP = 1 + random.nextInt(3);
        CheckpointOptions options = CheckpointOptions.defaults()
                .withInterval(Duration.ofMillis(20 + random.nextInt(180)))
                .withUnaligned(random.nextBoolean());
        StateBackendKind backend = random.nextInt(4) == 0 ? StateBackendKind.ROCKSDB : StateBackendKind.HASHMAP;
        String scenario = "seed " + seed + ": " + (bounded ? "bounded " + count : "unbounded") + ", rate " + rate
                + ", stop at " + stopAt + (drain ? " with drain" : "") + ", p " + sourceP + "/" + countP + "/"
                + sinkP + ", " + backend + ", interval " + options.interval().toMillis() + " ms"
                + (options.unaligned() ? " unaligned" : "");

        List<PlannedFailure> firstFailures = random.nextBoolean() ? List.of() : List.of(randomFailure(random,
                Math.max(1, Math.min(stopAt, bounded ? count : stopAt)), sourceP, countP, sinkP));
        scenario += ", failures " + firstFailures;
        JobConfig first = JobConfig.of(pipeline(count, keys, rate, sourceP, countP, sinkP))
                .withCheckpointOptions(options).withBackend(backend)
                .withRestartStrategy(new RestartStrategy.FixedDelay(20, Duration.ofMillis(10)))
                .withPlannedFailures(firstFailures);
        List<String> committed = new ArrayList<>();
        SavepointResult savepoint;
        long lastSeqRead;
        try (Job job = Job.start(first)) {
            savepoint = stopWhenEmitted(job, stopAt, drain, dir.resolve("sp"), scenario);
            assertThat(job.awaitTermination(Duration.ofSeconds(60))).as(scenario).isTrue();
            assertThat(job.status()).as(scenario).isEqualTo(JobStatus.FINISHED);
            committed.addAll(committed(job));
            // Splits are read round robin, so what the first run read is a ragged prefix of the sequence; every
            // record it read is committed (nothing is read after the savepoint barrier).
            lastSeqRead = job.sinkOutputs().get("sink") == null ? 0 : job.sinkOutputs().get("sink").records()
                    .stream().mapToLong(StreamRecord::seq).max().orElse(0);
            scenario += ", first run: " + job.restartEvents().size() + " restarts, savepoint "
                    + (savepoint == null ? "none" : savepoint.checkpointId()) + ", checkpoints "
                    + job.checkpointHistory().stream().map(c -> c.id() + ":" + c.status()).toList();
            if (savepoint != null) {
                assertThat(job.savepoints()).as(scenario).containsExactly(savepoint);
            } else {
                assertThat(job.savepoints()).as(scenario + ": no savepoint is reported").isEmpty();
            }
        }

        long total = count;
        if (savepoint != null) {
            int newSourceP = 1 + random.nextInt(4);
            int newCountP = 1 + random.nextInt(4);
            int newSinkP = 1 + random.nextInt(4);
            // An unbounded job resumes bounded, beyond everything the first run read, so the runs end comparably.
            total = bounded ? count : lastSeqRead + 10_000 + random.nextInt(40_000);
            List<PlannedFailure> secondFailures = random.nextBoolean() ? List.of()
                    : List.of(randomFailure(random, 1 + random.nextInt(5_000), newSourceP, newCountP, newSinkP));
            scenario += "; resumed at p " + newSourceP + "/" + newCountP + "/" + newSinkP + ", " + total
                    + " records, failures " + secondFailures;
            JobConfig resumed = JobConfig.of(pipeline(total, keys, 0, newSourceP, newCountP, newSinkP))
                    .withCheckpointOptions(options).withBackend(backend)
                    .withRestartStrategy(new RestartStrategy.FixedDelay(20, Duration.ofMillis(10)))
                    .withRestore(new SavepointRestore(savepoint.path(), false))
                    .withPlannedFailures(secondFailures);
            try (Job job = Job.start(resumed)) {
                assertThat(job.awaitTermination(Duration.ofSeconds(60))).as(scenario).isTrue();
                assertThat(job.status()).as(scenario).isEqualTo(JobStatus.FINISHED);
                List<String> second = committed(job);
                if (drain) {
                    assertThat(second).as(scenario + ": a drained source has nothing left to read").isEmpty();
                }
                committed.addAll(second);
                scenario += ", second run: " + job.restartEvents().size() + " restarts";
            }
        }
        if (drain && savepoint != null) {
            assertExactlyOncePrefix(committed, scenario);
        } else {
            assertSameMultiset(committed, expected(total, keys), scenario);
        }
    }

    /**
     * Requests the stop once the sources emitted {@code records} (or the job ended); retries a stop that failed
     * while the job goes on. Returns the savepoint, or null when the job finished first.
     */
    private static SavepointResult stopWhenEmitted(Job job, long records, boolean drain, Path target,
                                                   String scenario) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!job.status().isTerminal() && job.summary().sourceRecords() < records
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(200_000); // waits for a condition; the outcome does not depend on when it holds
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return job.stopWithSavepoint(target, drain).get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).as(scenario).isInstanceOf(StopWithSavepointException.class);
                if (((StopWithSavepointException) e.getCause()).jobAlreadyFinished()) {
                    assertThat(target).as(scenario + ": no savepoint directory").doesNotExist();
                    return null;
                }
                assertThat(target).as(scenario + ": a failed stop writes nothing").doesNotExist();
                job.awaitRunning(Duration.ofSeconds(30)); // e.g. a failure during the stop: try again
            }
        }
        throw new AssertionError(scenario + ": the stop kept failing");
    }

    private static PlannedFailure randomFailure(SplittableRandom random, long upTo, int sourceP, int countP,
                                                int sinkP) {
        String[] ops = {"source", "count", "sink"};
        int[] ps = {sourceP, countP, sinkP};
        int op = random.nextInt(3);
        long at = Math.max(1, random.nextLong(Math.max(2, upTo)) / ps[op]);
        return PlannedFailure.atRecords(ops[op], random.nextInt(ps[op]), at);
    }

    private static List<String> committed(Job job) {
        List<String> out = new ArrayList<>();
        var sink = job.sinkOutputs().get("sink");
        if (sink != null) {
            for (StreamRecord r : sink.records()) {
                out.add(r.key() + "," + r.value());
            }
        }
        return out;
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }

    /** A failure-free run's committed output: record i has key i % keys, and each key counts 1, 2, … once. */
    private static List<String> expected(long records, long keys) {
        List<String> out = new ArrayList<>((int) records);
        for (long k = 0; k < keys; k++) {
            long n = records / keys + (k < records % keys ? 1 : 0);
            for (long c = 1; c <= n; c++) {
                out.add(k + "," + c);
            }
        }
        out.sort(null);
        return out;
    }

    /** Equal as multisets; on failure says how many records are duplicated and missing, with examples. */
    private static void assertSameMultiset(List<String> actual, List<String> expected, String scenario) {
        Map<String, Integer> diff = new HashMap<>();
        actual.forEach(r -> diff.merge(r, 1, Integer::sum));
        expected.forEach(r -> diff.merge(r, -1, Integer::sum));
        List<String> extra = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        diff.forEach((r, n) -> {
            for (int i = 0; i < Math.abs(n); i++) {
                (n > 0 ? extra : missing).add(r);
            }
        });
        assertThat(extra.size() + missing.size()).as(scenario + ": " + extra.size() + " duplicated (e.g. "
                + extra.stream().sorted().limit(5).toList() + "), " + missing.size() + " missing (e.g. "
                + missing.stream().sorted().limit(5).toList() + ") of " + expected.size()).isZero();
    }

    /** After a drain the input read is cut per split; each key's counts must still be 1..n exactly once. */
    private static void assertExactlyOncePrefix(List<String> committed, String scenario) {
        Map<Long, List<Long>> perKey = new TreeMap<>();
        for (String line : committed) {
            String[] kv = line.split(",");
            perKey.computeIfAbsent(Long.parseLong(kv[0]), k -> new ArrayList<>()).add(Long.parseLong(kv[1]));
        }
        Map<Long, String> wrong = new HashMap<>();
        perKey.forEach((key, counts) -> {
            counts.sort(null);
            for (int i = 0; i < counts.size(); i++) {
                if (counts.get(i) != i + 1) {
                    wrong.put(key, counts.size() + " counts, " + (i + 1) + "th is " + counts.get(i));
                    return;
                }
            }
        });
        assertThat(wrong).as(scenario + ": keys whose counts are not 1..n exactly once").isEmpty();
    }
}
