package org.checkpointlab.model.savepoint;

import java.nio.file.Path;

import org.checkpointlab.model.checkpoint.CompletedCheckpoint;

/**
 * A savepoint (or retained checkpoint) read from disk and verified: its metadata and its state, in memory, ready to
 * restore a job from. A savepoint another engine wrote in its own format may carry its metadata only ({@code state}
 * null): that engine restores from {@code directory} itself.
 */
public record Savepoint(Path directory, SavepointMetadata metadata, CompletedCheckpoint state) {

    public SavepointMetadata.OperatorEntry operator(String id) {
        return metadata.operators().stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
    }
}
