package org.checkpointlab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * The recovery and savepoint benchmark of the failure/savepoint issue, on the keyed-count job (parallelism 2):
 * recovery time (failure thrown until the first record is processed again, restart delay 0), savepoint end-to-end
 * (trigger until the directory is complete), restore with parallelism 2→3 and 2→1 (start until the first record
 * is processed), and savepoint write and restore with 1,000,000 keys for each state backend. Medians of repeated
 * measurements, all in one JVM run.
 */
final class RecoveryBenchmark {
    private static final int REPEATS = 5;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Path workDir;

    RecoveryBenchmark(PrintWriter out, PrintWriter err, Path workDir) {
        this.out = out;
        this.err = err;
        this.workDir = workDir;
    }

    void run(long bigKeys) throws Exception {
        Files.createDirectories(workDir);
        List<String[]> rows = new ArrayList<>();
        PipelineSpec job = BenchmarkPipelines.keyedCount(0, 10_000, 2);
        JobConfig config = JobConfig.of(job)
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofSeconds(1)))
                .withRestartStrategy(new RestartStrategy.FixedDelay(1000, Duration.ZERO));

        List<Long> recoveries = new ArrayList<>();
        List<Long> savepointTimes = new ArrayList<>();
        Path savepoint = workDir.resolve("savepoint-10k");
        try (Job running = Job.start(config)) {
            awaitRunning(running);
            Thread.sleep(1500);
            for (int i = 0; i < REPEATS; i++) {
                running.triggerCheckpoint().get(30, TimeUnit.SECONDS);
                int attempt = running.snapshot().attempt();
                long failedAt = System.nanoTime();
                running.injectFailure("count", 0);
                awaitFirstRecord(running, attempt + 1, "discard");
                recoveries.add((System.nanoTime() - failedAt) / 1_000_000);
                Thread.sleep(300);
            }
            for (int i = 0; i < REPEATS; i++) {
                Path target = workDir.resolve("savepoint-run-" + i);
                SavepointResult r = running.triggerSavepoint(target).get(30, TimeUnit.SECONDS);
                savepointTimes.add(r.durationMillis());
            }
            running.triggerSavepoint(savepoint).get(30, TimeUnit.SECONDS);
        }
        err.println("recovery times (ms): " + recoveries + "; savepoint end-to-end (ms): " + savepointTimes);
        rows.add(new String[] {"recovery: failure -> first record again (delay 0)", median(recoveries) + " ms",
            "~250 ms", "<= 100 ms"});
        rows.add(new String[] {"savepoint end-to-end (10,000 keys)", median(savepointTimes) + " ms",
            "~180-250 ms", "<= 50 ms"});

        for (int newParallelism : new int[] {3, 1}) {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                JobConfig rescaled = config.withParallelism(Map.of("count", newParallelism,
                        "discard", newParallelism)).withRestore(new SavepointRestore(savepoint, false));
                long start = System.nanoTime();
                try (Job restored = Job.start(rescaled)) {
                    awaitFirstRecord(restored, 0, "discard");
                    times.add((System.nanoTime() - start) / 1_000_000);
                }
            }
            err.println("restore 2->" + newParallelism + " (ms): " + times);
            rows.add(new String[] {"restore with parallelism 2 -> " + newParallelism + ": start -> first record",
                median(times) + " ms", "~1.1-1.3 s", "<= 300 ms"});
        }

        for (StateBackendKind backend : StateBackendKind.values()) {
            try {
                long[] big = bigState(backend, bigKeys);
                rows.add(new String[] {String.format("%,d keys, %s: savepoint write", bigKeys,
                    backend.cliName()), big[0] + " ms (" + big[2] / 1024 / 1024 + " MiB)", "", ""});
                rows.add(new String[] {String.format("%,d keys, %s: restore -> first record", bigKeys,
                    backend.cliName()), big[1] + " ms", "", ""});
            } catch (Exception e) {
                err.println(backend.cliName() + ": " + e.getMessage());
                rows.add(new String[] {String.format("%,d keys, %s", bigKeys, backend.cliName()),
                    "not measured: " + e.getMessage(), "", ""});
            }
        }
        out.println("Recovery and savepoints (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + java.time.LocalDate.now() + "), keyed count, parallelism 2, medians");
        out.printf("%-58s %-22s %-14s %s%n", "measurement", "here", "Flink 1.20", "target");
        for (String[] r : rows) {
            out.printf("%-58s %-22s %-14s %s%n", (Object[]) r);
        }
        out.flush();
    }

    /** Savepoint write and restore times, and size, for {@code keys} keys in {@code backend}. */
    private long[] bigState(StateBackendKind backend, long keys) throws Exception {
        PipelineSpec job = BenchmarkPipelines.keyedCount(0, keys, 2);
        CheckpointOptions options = CheckpointOptions.defaults().withDirectory(workDir.resolve("chk-" + backend));
        JobConfig config = JobConfig.of(job).withCheckpointOptions(options).withBackend(backend);
        Path savepoint = workDir.resolve("savepoint-big-" + backend.cliName());
        SavepointResult written;
        try (Job running = Job.start(config)) {
            awaitRunning(running);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (running.summary().sourceRecords() < 2 * keys && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            written = running.triggerSavepoint(savepoint).get(120, TimeUnit.SECONDS);
        }
        long start = System.nanoTime();
        try (Job restored = Job.start(config.withRestore(new SavepointRestore(savepoint, false)))) {
            awaitFirstRecord(restored, 0, "discard");
            long restore = (System.nanoTime() - start) / 1_000_000;
            return new long[] {written.durationMillis(), restore, written.sizeBytes()};
        }
    }

    private static void awaitRunning(Job job) throws InterruptedException {
        if (!job.awaitRunning(Duration.ofSeconds(60))) {
            throw new IllegalStateException("the job did not start: " + job.status());
        }
    }

    /** Waits until attempt {@code attempt} runs and a subtask of {@code operator} has taken in a record. */
    private static void awaitFirstRecord(Job job, int attempt, String operator) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JobSnapshot s = job.snapshot();
            if (s.attempt() >= attempt) {
                for (SubtaskSnapshot t : s.subtasks()) {
                    if (t.operatorIds().contains(operator) && t.recordsIn() > 0) {
                        return;
                    }
                }
            }
            Thread.sleep(0, 200_000);
        }
        throw new IllegalStateException("no record reached " + operator + " within 60 s");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static Path defaultWorkDir() throws IOException {
        return Files.createTempDirectory("checkpoint-lab-bench");
    }
}
