package org.checkpointlab.flink.rest;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.RestartEvent;

/**
 * A Flink job's recoveries as the local engine reports them ({@link RestartEvent}s, and the savepoint the job started
 * from), followed across polls of {@code /jobs/:jid/checkpoints} ({@code latest.restored}: {@code id},
 * {@code restore_timestamp}, {@code is_savepoint}) and the {@code numRestarts} metric. Flink keeps only the latest
 * restore: a restart is recorded once its restore shows (or, when the job had nothing to restore, once it runs
 * again), with the failure before it; restarts between two polls restored the same checkpoint.
 *
 * <p>Threading: confined to the poller's thread.
 */
final class RestRestores {
    private final List<RestartEvent> restarts = new ArrayList<>();
    private long lastRestoreTimestamp = -1;
    private long startSavepointId = -1;
    private long lastRestoredId = -1;

    /** Takes what one poll read; {@code failures} oldest first. */
    void observe(JsonObject checkpoints, int numRestarts, JobStatus status, List<FailureEvent> failures,
                 long nowMillis) {
        JsonObject restored = RestJson.getObject(RestJson.getObject(checkpoints, "latest"), "restored");
        long restoredAt = restored == null ? -1 : RestJson.getLong(restored, "restore_timestamp", -1);
        boolean newRestore = restoredAt > 0 && restoredAt != lastRestoreTimestamp;
        if (newRestore) {
            lastRestoreTimestamp = restoredAt;
        }
        long restoredId = restored == null ? 0 : Math.max(0, RestJson.getLong(restored, "id", 0));
        if (newRestore) {
            lastRestoredId = restoredId;
        }
        if (newRestore && numRestarts == 0) { // the job's start, not a recovery
            if (RestJson.getBoolean(restored, "is_savepoint")) {
                startSavepointId = restoredId;
            }
            return;
        }
        boolean nothingToRestore = lastRestoreTimestamp < 0 && status == JobStatus.RUNNING;
        if (!newRestore && !nothingToRestore) {
            return; // a restart that has not restored yet, or no restart
        }
        long at = newRestore ? restoredAt : nowMillis;
        while (restarts.size() < numRestarts) {
            long failedAt = failures.stream().mapToLong(FailureEvent::timestamp).filter(t -> t <= at).max()
                    .orElse(at);
            restarts.add(new RestartEvent(failedAt, at, newRestore ? restoredId : 0, Math.max(0, at - failedAt)));
        }
    }

    /** The recoveries seen so far, oldest first. */
    List<RestartEvent> restarts() {
        return List.copyOf(restarts);
    }

    /** The checkpoint (or savepoint) the job's current attempt restored, or -1 when it restored none. */
    long restoredId() {
        return lastRestoredId;
    }

    /** The savepoint the job started from (its checkpoint id), or -1. */
    long startSavepointId() {
        return startSavepointId;
    }
}
