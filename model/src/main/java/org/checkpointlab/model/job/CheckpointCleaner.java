package org.checkpointlab.model.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.model.savepoint.SavepointWriter;
import org.checkpointlab.model.state.StateBackendFactory;
import org.checkpointlab.model.util.Directories;

/**
 * The file work of a job's checkpoints (Flink's {@code CheckpointsCleaner}): writes retained checkpoints' metadata,
 * deletes discarded checkpoints and shared files no checkpoint uses any more, and settles the checkpoint directory
 * when the job ends. Every operation runs in submission order on one daemon thread, off the job's control thread.
 * Deletion is best effort: a leftover of a discarded checkpoint is harmless.
 */
final class CheckpointCleaner {
    private final ExecutorService files = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "checkpoint-files");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<String> problems;

    /** @param problems told (on the files thread) what could not be written, for the job's exception history */
    CheckpointCleaner(Consumer<String> problems) {
        this.problems = problems;
    }

    /** Writes the metadata that makes {@code checkpoint}'s {@code chk-N} directory under {@code dir} restorable. */
    void writeRetainedMetadata(CompletedCheckpoint checkpoint, PipelineSpec pipeline, Path dir) {
        files.execute(() -> {
            try {
                SavepointWriter.writeRetainedMetadata(checkpoint, pipeline, dir.resolve("chk-" + checkpoint.id()));
            } catch (SavepointException e) {
                problems.accept(e.getMessage());
            }
        });
    }

    /** Deletes the directory of a checkpoint that was discarded (subsumed, or not retained). */
    void discardCheckpoint(Path dir, long checkpointId) {
        files.execute(() -> Directories.deleteQuietly(dir.resolve("chk-" + checkpointId)));
    }

    /** Lets {@code backends} delete the shared (incremental) files no checkpoint from {@code lowestId} on uses. */
    void discardSharedStateBefore(StateBackendFactory backends, long lowestId) {
        files.execute(() -> backends.discardSharedStateBefore(lowestId));
    }

    /**
     * After the job ended: deletes every {@code chk-N} under {@code dir} whose id is not in {@code kept}, and the
     * {@code shared} directory if nothing but unfinished uploads is left in it (others' files are not ours).
     */
    void settle(Path dir, Set<Long> kept) {
        files.execute(() -> {
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (name.startsWith("chk-") && !kept.contains(parseId(name.substring(4)))) {
                        Directories.deleteQuietly(entry);
                    } else if (name.equals("shared")) {
                        deleteIfEmpty(entry);
                    }
                }
            } catch (IOException ignored) {
                // nothing to clean up
            }
        });
    }

    /** Runs every operation submitted so far, then stops; waits up to {@code seconds} for them. */
    void closeAndAwait(long seconds) throws InterruptedException {
        files.shutdown();
        files.awaitTermination(seconds, TimeUnit.SECONDS);
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try (Stream<Path> left = Files.list(dir)) {
            if (left.allMatch(p -> p.getFileName().toString().endsWith(".inprogress"))) {
                Directories.deleteQuietly(dir);
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

}
