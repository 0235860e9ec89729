package org.checkpointlab.model.job;

import java.util.concurrent.CompletableFuture;

/** A stop-with-savepoint under way; touched on the job's control thread only. */
final class StopRequest {
    final SavepointFiles files;
    /** Sources end their input first (Flink's {@code --drain}). */
    final boolean drain;
    final CompletableFuture<SavepointResult> result;
    /** The stop's savepoint once it completed (the job is finishing), or -1. */
    long completedId = -1;

    StopRequest(SavepointFiles files, boolean drain, CompletableFuture<SavepointResult> result) {
        this.files = files;
        this.drain = drain;
        this.result = result;
    }
}
