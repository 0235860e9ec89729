package org.checkpointlab.views.live;

import java.util.Locale;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.JobEventLog;

/**
 * The texts the live view shows for one snapshot: the status strip's job and recovery lines and the selected
 * subtask's details. Pure functions of the snapshot and the wall clock (for the restart countdown).
 */
final class LiveTexts {
    private LiveTexts() {
    }

    /**
     * "RUNNING, attempt 2, 41,200 records/s", or "RESTARTING in 0.8 s (failed region), attempt 1, …" while a restart
     * waits for its backoff.
     */
    static String jobLine(JobSnapshot s, double throughput, long nowMillis) {
        StringBuilder line = new StringBuilder(s.status().toString());
        if (restartPending(s)) {
            // Region failover keeps the job RUNNING (as in Flink), but the failed region waits for its restart.
            line = new StringBuilder(Texts.format("live.job.restarting",
                    String.format(Locale.ROOT, "%.1f", secondsToRestart(s, nowMillis))));
            if (s.status() == JobStatus.RUNNING) {
                line.append(Texts.get("live.job.failedRegion"));
            }
        }
        if (s.paused()) {
            line.append(Texts.get("live.job.paused"));
        }
        line.append(Texts.format("live.job.attempt", s.attempt() + 1));
        if (s.status().isTerminal()) {
            return line.toString(); // an ended job reads nothing: a rate would be the last one measured
        }
        line.append(Texts.format("live.job.throughput", String.format(Locale.ROOT, "%,.0f", throughput)));
        if (s.speed() < 1) {
            line.append(Texts.format("live.job.slowMotion", String.format(Locale.ROOT, "%.3f", s.speed())));
        }
        return line.toString();
    }

    /** The restart countdown while one waits, the restore while subtasks restore, then the last recovery; or "". */
    static String recoveryLine(JobSnapshot s, long nowMillis) {
        if (restartPending(s)) {
            return Texts.format("live.recovery.restarting", s.status() == JobStatus.RUNNING
                    ? Texts.get("live.recovery.failedRegion") + " " : "",
                    String.format(Locale.ROOT, "%.1f", secondsToRestart(s, nowMillis)));
        }
        if (s.status() == JobStatus.FAILING) {
            return Texts.get("live.recovery.failing");
        }
        long restoring = s.subtasks().stream().filter(t -> t.status()
                == org.checkpointlab.model.observe.SubtaskStatus.RESTORING).count();
        if (restoring > 0 || !s.restarts().isEmpty()) {
            long restoredId = s.restarts().isEmpty() ? s.startedFromSavepointId()
                    : s.restarts().get(s.restarts().size() - 1).restoredCheckpointId();
            String from = JobEventLog.restoredFrom(restoredId, s.isStartSavepoint(restoredId));
            return restoring > 0 ? Texts.format("live.recovery.restoring", restoring, from)
                    : Texts.format(s.restarts().size() == 1 ? "live.recovery.recovered.one"
                            : "live.recovery.recovered.many", s.restarts().size(), from);
        }
        return "";
    }

    /** A restart is scheduled: the whole job (RESTARTING) or, with region failover, the failed region. */
    static boolean restartPending(JobSnapshot s) {
        return s.nextRestartAtMillis() > 0
                && (s.status() == JobStatus.RESTARTING || s.status() == JobStatus.RUNNING);
    }

    private static double secondsToRestart(JobSnapshot s, long nowMillis) {
        return Math.max(0, s.nextRestartAtMillis() - nowMillis) / 1000.0;
    }

    /**
     * Metrics and state of a subtask, several lines; {@code state} null when no frame showed it yet; {@code job} the
     * job's snapshot it is of (null before the first), which knows whether a restore was of its start savepoint.
     */
    static String details(SubtaskKey key, SubtaskState state, JobSnapshot job) {
        if (state == null) {
            return Texts.format("live.details.noData", key);
        }
        SubtaskSnapshot s = state.snapshot();
        String barrier = SubtaskPhase.barrierProgress(s.barrierState());
        return key + (s.operatorIds().size() > 1 ? Texts.format("live.details.chain", s.taskName()) : "")
                + Texts.format("live.details.status", s.status(), state.phase().label())
                + (barrier.isEmpty() ? "" : "\n" + barrier)
                + "\n" + SubtaskColors.describe(s.busyMsPerSecond(), s.backPressuredMsPerSecond(),
                        s.idleMsPerSecond())
                + Texts.format("live.details.backpressure", s.backPressureLevel())
                + Texts.format("live.details.pools", String.format(Locale.ROOT, "%.0f", s.inPoolUsage() * 100),
                        String.format(Locale.ROOT, "%.0f", s.outPoolUsage() * 100))
                + Texts.format("live.details.records", String.format(Locale.ROOT, "%,d", s.recordsIn()),
                        String.format(Locale.ROOT, "%,d", s.recordsOut()))
                + Texts.format("live.details.state", Bytes.format(s.stateSizeBytes()))
                + (s.asyncSnapshots() > 0 ? Texts.format("live.details.async", s.asyncSnapshots()) : "")
                + (s.restoredCheckpointId() > 0 ? Texts.format(
                        job != null && job.isStartSavepoint(s.restoredCheckpointId())
                        ? "live.details.restoredFromSavepoint" : "live.details.restoredFrom", s.restoredCheckpointId())
                        : s.restoredCheckpointId() == 0 ? Texts.get("live.details.noCheckpoint")
                        : "");
    }
}
