package org.checkpointlab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.Retention;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * The checkpoint-storage soak ({@code checkpoint-lab bench-storage}): unbounded word count on RocksDB with
 * incremental checkpoints into a directory, checkpoints every 500 ms, random failures. It samples the shared
 * directory's SST files and bytes over time (flat after warm-up when shared state is reference-counted), checks that
 * the committed output is exactly-once (every word's counts 1..n, each once), and restores the checkpoint retained
 * at the end.
 */
final class CheckpointStorageSoak {
    /** One sample of the checkpoint directory. */
    record Sample(Duration at, long completed, int restarts, int sstFiles, long sharedBytes) {
    }

    /** What the soak saw; {@link #problems()} is empty when every check held. */
    record Result(List<Sample> samples, long committedRecords, List<String> problems) {
    }

    private final Duration duration;
    private final Duration sampleEvery;
    private final int failures;
    private final long seed;
    private final Consumer<String> progress;

    CheckpointStorageSoak(Duration duration, Duration sampleEvery, int failures, long seed,
                          Consumer<String> progress) {
        this.duration = duration;
        this.sampleEvery = sampleEvery;
        this.failures = failures;
        this.seed = seed;
        this.progress = progress;
    }

    Result run(Path dir) throws Exception {
        JobConfig config = JobConfig.of(BenchmarkPipelines.unboundedWordCount(2, 2_000))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(500))
                        .withDirectory(dir).withRetention(Retention.RETAIN_ON_CANCELLATION))
                .withBackend(StateBackendKind.ROCKSDB).withIncremental(true)
                .withRestartStrategy(new RestartStrategy.FixedDelay(Integer.MAX_VALUE, Duration.ofMillis(200)));
        List<Sample> samples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long committed;
        long start = System.nanoTime();
        try (Job job = Job.start(config)) {
            // Failures spread over the whole run, each into a random subtask of a random operator.
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            String[] operators = {"sentences", "split", "count", "output"};
            for (int i = 0; i < failures; i++) {
                job.scheduleFailure(operators[random.nextInt(operators.length)], random.nextInt(2),
                        Duration.ofMillis(1_000 + random.nextLong(Math.max(1, duration.toMillis() - 1_000))));
            }
            long end = start + duration.toNanos();
            long next = start;
            while (System.nanoTime() < end && !job.status().isTerminal()) {
                if (System.nanoTime() >= next) {
                    Sample s = sample(dir, job, Duration.ofNanos(System.nanoTime() - start));
                    samples.add(s);
                    progress.accept(seconds(s.at()) + ": " + s.sstFiles() + " SST files, "
                            + Formats.bytes(s.sharedBytes()) + " shared, " + s.completed() + " checkpoints, "
                            + s.restarts() + " restarts");
                    next += sampleEvery.toNanos();
                }
                Thread.sleep(Math.max(1, Math.min(200, (next - System.nanoTime()) / 1_000_000)));
            }
            if (job.status().isTerminal()) {
                problems.add("the job ended early: " + job.status() + " " + job.summary().failureCause());
            }
            job.cancel();
            job.awaitTermination(Duration.ofSeconds(30));
            samples.add(sample(dir, job, Duration.ofNanos(System.nanoTime() - start)));
            SinkOutput out = job.sinkOutputs().get("output");
            committed = out == null ? 0 : out.count();
            if (out != null) {
                problems.addAll(countsNotExactlyOnce(out));
            }
        }
        problems.addAll(restoreRetained(dir));
        return new Result(samples, committed, problems);
    }

    private static Sample sample(Path dir, Job job, Duration at) throws IOException {
        int files = 0;
        long bytes = 0;
        Path shared = dir.resolve("shared");
        if (Files.isDirectory(shared)) {
            try (Stream<Path> list = Files.list(shared)) {
                for (Path p : list.filter(p -> p.toString().endsWith(".sst")).toList()) {
                    files++;
                    bytes += Files.size(p);
                }
            } catch (java.nio.file.NoSuchFileException deletedMeanwhile) {
                // a file deleted between listing and size: sampled again next time
            }
        }
        return new Sample(at, job.summary().completedCheckpoints(), job.restartEvents().size(), files, bytes);
    }

    /** Keyed counts are exactly-once when every word's committed counts are 1..n, each once. */
    private static List<String> countsNotExactlyOnce(SinkOutput out) {
        if (out.truncated()) {
            return List.of();
        }
        Map<Object, List<Long>> perWord = new TreeMap<>((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
        for (StreamRecord r : out.records()) {
            perWord.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(((Number) r.value()).longValue());
        }
        List<String> problems = new ArrayList<>();
        perWord.forEach((word, counts) -> {
            counts.sort(null);
            for (int i = 0; i < counts.size() && problems.size() < 5; i++) {
                if (counts.get(i) != i + 1) {
                    problems.add("word '" + word + "': committed counts are not 1.." + counts.size()
                            + " exactly once (position " + (i + 1) + " holds " + counts.get(i) + ")");
                    return;
                }
            }
        });
        return problems;
    }

    /** The checkpoint retained at the end restores and takes a checkpoint of its own. */
    private static List<String> restoreRetained(Path dir) throws Exception {
        List<Path> retained;
        try (Stream<Path> list = Files.list(dir)) {
            retained = list.filter(p -> p.getFileName().toString().startsWith("chk-")).toList();
        }
        if (retained.size() != 1) {
            return List.of("expected one retained checkpoint after the job, found " + retained.size());
        }
        JobConfig config = JobConfig.of(BenchmarkPipelines.unboundedWordCount(2, 2_000))
                .withBackend(StateBackendKind.ROCKSDB).withIncremental(true)
                .withRestore(new SavepointRestore(retained.get(0), false));
        try (Job job = Job.start(config)) {
            if (!job.awaitRunning(Duration.ofSeconds(30))) {
                return List.of("restoring " + retained.get(0) + " failed: " + job.status() + " "
                        + job.summary().failureCause());
            }
            var stats = job.triggerCheckpoint().get();
            return job.status() == JobStatus.RUNNING && stats.status().name().equals("COMPLETED") ? List.of()
                    : List.of("the job restored from " + retained.get(0) + " could not checkpoint: "
                    + stats.failureCause());
        }
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    /** Prints the samples as a table, then the verdict. */
    static void print(Result result, PrintWriter out) {
        Table table = new Table("RRRRR", "time", "checkpoints", "restarts", "SST files", "shared bytes");
        for (Sample s : result.samples()) {
            table.row(seconds(s.at()), String.valueOf(s.completed()), String.valueOf(s.restarts()),
                    String.valueOf(s.sstFiles()), Formats.bytes(s.sharedBytes()));
        }
        out.println("Checkpoint storage soak: word count, RocksDB incremental, checkpoints every 500 ms");
        table.print(out);
        out.println();
        out.println("Committed records: " + String.format("%,d", result.committedRecords()));
        if (result.problems().isEmpty()) {
            out.println("Exactly-once held; the retained checkpoint restored.");
        } else {
            result.problems().forEach(p -> out.println("PROBLEM: " + p));
        }
    }
}
