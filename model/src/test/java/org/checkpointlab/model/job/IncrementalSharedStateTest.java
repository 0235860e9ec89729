package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.OperatorSubtaskState;
import org.checkpointlab.model.checkpoint.Retention;
import org.checkpointlab.model.checkpoint.TaskStateSnapshot;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.savepoint.Savepoint;
import org.checkpointlab.model.savepoint.SavepointReader;
import org.checkpointlab.model.state.rocksdb.IncrementalManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental RocksDB checkpoints share SST files in {@code <dir>/shared}; the job reference-counts them as Flink's
 * SharedStateRegistry does, so the directory holds what the retained checkpoints need and no more, however long the
 * job runs and however often it fails over.
 */
class IncrementalSharedStateTest {
    private static final long KEYS = 20_000;

    @TempDir
    Path checkpoints;

    private static PipelineSpec unboundedKeyedCount(long count) {
        return new PipelineSpec(1, "rocksdb-incremental", List.of(
                TestPipelines.source("source", 2, count, KEYS, 100_000L),
                TestPipelines.op("count", "keyed-count", 2, Map.of()),
                TestPipelines.op("sink", "transactional-sink", 2, Map.of())),
                List.of(TestPipelines.edge("source", "count", Partitioning.HASH),
                        TestPipelines.edge("count", "sink", Partitioning.FORWARD)),
                Map.of(), false);
    }

    @Test
    void sharedFilesStayBounded_andAfterTheJobExactlyTheRetainedCheckpointsFilesRemain() throws Exception {
        JobConfig config = JobConfig.of(unboundedKeyedCount(0))
                .withCheckpointOptions(CheckpointOptions.defaults().withDirectory(checkpoints)
                        .withRetention(Retention.RETAIN_ON_CANCELLATION))
                .withBackend(StateBackendKind.ROCKSDB).withIncremental(true)
                .withRestartStrategy(new RestartStrategy.FixedDelay(100, Duration.ofMillis(10)));
        SplittableRandom random = new SplittableRandom(42);
        List<Integer> fileCounts = new ArrayList<>();
        int checkpointsTaken = 60;
        try (Job job = Job.start(config)) {
            assertThat(job.awaitRunning(Duration.ofSeconds(30))).isTrue();
            for (int i = 0; i < checkpointsTaken; i++) {
                CheckpointStats s = job.triggerCheckpoint().get();
                if (s.status() != CheckpointStatus.COMPLETED) {
                    i--; // e.g. triggered while a restart was under way
                    assertThat(job.awaitRunning(Duration.ofSeconds(30))).isTrue();
                    continue;
                }
                fileCounts.add(sstFiles().size());
                if (random.nextInt(8) == 0) { // a failure now and then: restore, then reuse of the restored files
                    int restarts = job.restartEvents().size();
                    assertThat(job.injectFailure(random.nextBoolean() ? "count" : "source", random.nextInt(2)))
                            .isTrue();
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (job.restartEvents().size() == restarts && System.nanoTime() < deadline) {
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // waits for the restart
                    }
                    assertThat(job.awaitRunning(Duration.ofSeconds(30))).isTrue();
                }
            }
        }
        // Without reference counting every checkpoint adds at least one SST file per subtask (120 here); with it
        // the directory follows the live databases, whose level-0 compaction keeps a handful of files each.
        assertThat(fileCounts.subList(checkpointsTaken / 2, checkpointsTaken)).as("shared SST files after each "
                + "checkpoint: %s", fileCounts).allMatch(n -> n <= 24);

        List<Path> retained;
        try (Stream<Path> chk = Files.list(checkpoints)) {
            retained = chk.filter(p -> p.getFileName().toString().startsWith("chk-")).toList();
        }
        assertThat(retained).hasSize(1);
        Savepoint checkpoint = SavepointReader.read(retained.get(0));
        assertThat(sstFiles()).as("the shared directory holds exactly what the retained checkpoint refers to")
                .isEqualTo(referencedFiles(checkpoint));

        // The retained checkpoint restores: the counts go on from where it was taken.
        JobConfig resumed = JobConfig.of(unboundedKeyedCount(0))
                .withCheckpointOptions(CheckpointOptions.defaults())
                .withBackend(StateBackendKind.ROCKSDB).withIncremental(true)
                .withRestore(new SavepointRestore(retained.get(0), false));
        try (Job job = Job.start(resumed)) {
            assertThat(job.awaitRunning(Duration.ofSeconds(30))).isTrue();
            assertThat(job.triggerCheckpoint().get().status()).isEqualTo(CheckpointStatus.COMPLETED);
            assertThat(job.snapshot().subtasks()).allSatisfy(s ->
                    assertThat(s.restoredCheckpointId()).isEqualTo(checkpoint.metadata().checkpointId()));
        }
        assertThat(sstFiles()).as("a job restored from a retained checkpoint never deletes its files")
                .containsAll(referencedFiles(checkpoint));
    }

    private Set<String> sstFiles() throws IOException {
        Path shared = checkpoints.resolve("shared");
        if (!Files.isDirectory(shared)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(shared)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sst"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> referencedFiles(Savepoint checkpoint) throws IOException {
        Set<String> names = new TreeSet<>();
        for (TaskStateSnapshot task : checkpoint.state().tasks().values()) {
            for (OperatorSubtaskState op : task.operators()) {
                if (op.keyedState() == null) {
                    continue;
                }
                byte[] blob = op.keyedState().read();
                if (IncrementalManifest.isManifest(blob)) {
                    for (IncrementalManifest.SstFile sst : IncrementalManifest.parse(blob).sstFiles()) {
                        names.add(Path.of(sst.location().substring("file:".length())).getFileName().toString());
                    }
                }
            }
        }
        return names;
    }
}
