package org.checkpointlab.views.live;

import java.util.Locale;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SubtaskSnapshot;
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
            line = new StringBuilder(String.format(Locale.ROOT, "RESTARTING in %.1f s", secondsToRestart(s, nowMillis)));
            if (s.status() == JobStatus.RUNNING) {
                line.append(" (failed region)");
            }
        }
        if (s.paused()) {
            line.append(" (paused)");
        }
        line.append(", attempt ").append(s.attempt() + 1);
        line.append(String.format(Locale.ROOT, ", %,.0f records/s", throughput));
        if (s.speed() < 1) {
            line.append(String.format(Locale.ROOT, ", slow motion \u00d7%.3f", s.speed()));
        }
        return line.toString();
    }

    /** The restart countdown while one waits, the restore while subtasks restore, then the last recovery; or "". */
    static String recoveryLine(JobSnapshot s, long nowMillis) {
        if (restartPending(s)) {
            return String.format(Locale.ROOT, "Restarting %sin %.1f s (restart strategy backoff)",
                    s.status() == JobStatus.RUNNING ? "the failed region " : "", secondsToRestart(s, nowMillis));
        }
        if (s.status() == JobStatus.FAILING) {
            return "Failing: cancelling the tasks of the failed region";
        }
        long restoring = s.subtasks().stream().filter(t -> t.status()
                == org.checkpointlab.model.observe.SubtaskStatus.RESTORING).count();
        if (restoring > 0 || !s.restarts().isEmpty()) {
            long restoredId = s.restarts().isEmpty() ? -1
                    : s.restarts().get(s.restarts().size() - 1).restoredCheckpointId();
            String from = JobEventLog.restoredFrom(restoredId);
            return restoring > 0 ? "Restoring " + restoring + " subtasks, " + from
                    : "Recovered (" + s.restarts().size() + " restart" + (s.restarts().size() == 1 ? "" : "s")
                            + "), " + from;
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

    /** Metrics and state of a subtask, several lines; {@code state} null when no frame showed it yet. */
    static String details(SubtaskKey key, SubtaskState state) {
        if (state == null) {
            return key + "\nno data yet (run the job)";
        }
        SubtaskSnapshot s = state.snapshot();
        String barrier = SubtaskPhase.barrierProgress(s.barrierState());
        return key + (s.operatorIds().size() > 1 ? " (chain: " + s.taskName() + ")" : "")
                + "\nstatus " + s.status() + ", " + state.phase().label()
                + (barrier.isEmpty() ? "" : "\n" + barrier)
                + "\n" + SubtaskColors.describe(s.busyMsPerSecond(), s.backPressuredMsPerSecond(),
                        s.idleMsPerSecond())
                + "\nbackpressure " + s.backPressureLevel()
                + String.format(Locale.ROOT, "\nin pool %.0f %%, out pool %.0f %%", s.inPoolUsage() * 100,
                        s.outPoolUsage() * 100)
                + String.format(Locale.ROOT, "\nrecords in %,d, out %,d", s.recordsIn(), s.recordsOut())
                + "\nstate " + Bytes.format(s.stateSizeBytes())
                + (s.asyncSnapshots() > 0 ? "\nasync snapshots running: " + s.asyncSnapshots() : "")
                + (s.restoredCheckpointId() > 0 ? "\nrestored from checkpoint " + s.restoredCheckpointId()
                        : s.restoredCheckpointId() == 0 ? "\nrestarted without a checkpoint (sources start over)"
                        : "");
    }
}
