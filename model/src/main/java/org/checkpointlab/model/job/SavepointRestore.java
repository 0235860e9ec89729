package org.checkpointlab.model.job;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Start a job from a savepoint (or retained checkpoint) directory.
 *
 * @param path                     the savepoint directory (holds {@code _metadata.json})
 * @param allowNonRestoredState    skip state of operators that are no longer in the pipeline instead of failing
 */
public record SavepointRestore(Path path, boolean allowNonRestoredState) {
    public SavepointRestore {
        Objects.requireNonNull(path, "path");
    }
}
