package org.checkpointlab.model.job;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.model.savepoint.SavepointWriter;

/**
 * Writes one savepoint's directory, atomically, before any subtask is notified that the savepoint completed (the
 * coordinator calls {@link #write} on its control thread). Timed from its creation, when the savepoint was asked for.
 */
final class SavepointFiles {
    private final Path directory;
    private final PipelineSpec pipeline;
    private final Consumer<SavepointResult> written;
    private final long startNanos = System.nanoTime();
    private volatile SavepointResult result;

    /** @param written told of the result once the directory is complete */
    SavepointFiles(Path directory, PipelineSpec pipeline, Consumer<SavepointResult> written) {
        this.directory = directory;
        this.pipeline = pipeline;
        this.written = written;
    }

    void write(CompletedCheckpoint state) throws SavepointException {
        long size = SavepointWriter.write(state, pipeline, "savepoint", directory);
        result = new SavepointResult(directory.toAbsolutePath().normalize(), state.id(), size,
                (System.nanoTime() - startNanos) / 1_000_000);
        written.accept(result);
    }

    /** What was written; null before {@link #write} succeeded. */
    SavepointResult result() {
        return result;
    }
}
