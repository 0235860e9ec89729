package org.checkpointlab.model.job;

import java.nio.file.Path;

/**
 * A savepoint the job wrote.
 *
 * @param path           its directory
 * @param checkpointId   the checkpoint id it was taken as
 * @param sizeBytes      size of its state files
 * @param durationMillis from trigger until the directory was complete and visible
 */
public record SavepointResult(Path path, long checkpointId, long sizeBytes, long durationMillis) {
}
