package org.checkpointlab.views.flink;

import java.time.Duration;
import org.checkpointlab.model.observe.JobSnapshot;

/**
 * Says when a watched job's data stopped coming: the snapshot of a running job has not changed (its
 * {@link JobSnapshot#takenAtNanos()}, set by each poll) for three times the cluster's observation delay, at least
 * 10 s, so the cluster stopped answering or the job is gone from it. The last data stay on screen. Not for ended
 * jobs, whose data no longer change.
 */
final class FreshnessLine {
    private static final long MIN_QUIET_NANOS = Duration.ofSeconds(10).toNanos();

    private final String address;
    private final long quietNanos;
    private long lastTaken = Long.MIN_VALUE;
    private long lastChangeNanos;

    FreshnessLine(String address, Duration observationDelay) {
        this.address = address;
        this.quietNanos = Math.max(MIN_QUIET_NANOS, 3 * observationDelay.toNanos());
    }

    /** The warning for the snapshot shown at {@code nowNanos}, or "". */
    String update(JobSnapshot shown, long nowNanos) {
        if (shown == null) {
            return "";
        }
        if (shown.takenAtNanos() != lastTaken) {
            lastTaken = shown.takenAtNanos();
            lastChangeNanos = nowNanos;
            return "";
        }
        long quiet = nowNanos - lastChangeNanos;
        return shown.status().isTerminal() || quiet < quietNanos ? ""
                : FlinkTexts.format("stale", address, quiet / 1_000_000_000L);
    }
}
