package org.checkpointlab.model.job;

import java.util.concurrent.CompletableFuture;

/** A stop-with-savepoint under way. Control thread only (the result completes there too). */
final class StopWithSavepointRequest {
    final SavepointFiles files;
    /** Sources end their input first (Flink's {@code --drain}). */
    final boolean drain;
    final CompletableFuture<SavepointResult> result;
    /** The stop's savepoint once it completed (the job is finishing), or -1. */
    long completedId = -1;

    StopWithSavepointRequest(SavepointFiles files, boolean drain, CompletableFuture<SavepointResult> result) {
        this.files = files;
        this.drain = drain;
        this.result = result;
    }
}
