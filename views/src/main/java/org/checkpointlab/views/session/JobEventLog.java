package org.checkpointlab.views.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.RestartEvent;
import org.checkpointlab.views.i18n.Texts;

/**
 * What happened to the running jobs, derived once from the snapshots the session samples: the {@linkplain #events()
 * events} the charts mark (failures, recoveries, savepoints, and the settings changes and restores the session
 * adds) and the current job's {@linkplain #history() exception history} (failures and recoveries, oldest first).
 * FX thread only.
 */
public final class JobEventLog {
    private final ObservableList<JobEvent> events = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final Set<Long> seenSavepoints = new HashSet<>();
    private int seenFailures;
    private int seenRestarts;

    /** Every event of every job of the session, oldest first (a new job's start does not clear them). */
    public ObservableList<JobEvent> events() {
        return events;
    }

    /** The current job's failures and recoveries, oldest first. */
    public ObservableList<HistoryEntry> history() {
        return history;
    }

    /** A new job: its failures, recoveries and savepoints are counted from none. */
    void newJob() {
        seenFailures = 0;
        seenRestarts = 0;
        seenSavepoints.clear();
        history.clear();
    }

    void add(JobEvent event) {
        events.add(event);
    }

    /** Records what {@code s} shows that earlier snapshots of the same job did not. */
    void record(JobSnapshot s) {
        List<FailureEvent> failures = s.failures();
        List<RestartEvent> restarts = s.restarts();
        boolean historyChanged = failures.size() != seenFailures || restarts.size() != seenRestarts;
        for (int i = seenFailures; i < failures.size(); i++) {
            FailureEvent f = failures.get(i);
            add(new JobEvent(f.timestamp(), JobEvent.Kind.FAILURE, Problems.of(f)));
        }
        seenFailures = failures.size();
        for (int i = seenRestarts; i < restarts.size(); i++) {
            RestartEvent r = restarts.get(i);
            add(new JobEvent(r.restoreTimestamp(), JobEvent.Kind.RECOVERY, r.restoredCheckpointId() > 0
                    ? Texts.format(s.isStartSavepoint(r.restoredCheckpointId()) ? "event.recoveredFromSavepoint"
                            : "event.recovered", r.restoredCheckpointId())
                    : Texts.get("event.restartedWithoutState")));
        }
        seenRestarts = restarts.size();
        for (CheckpointStats c : s.checkpoints()) {
            if (c.savepoint() && c.status() == CheckpointStatus.COMPLETED && seenSavepoints.add(c.id())) {
                add(new JobEvent(c.triggerTimestamp(), JobEvent.Kind.SAVEPOINT, Texts.format("event.savepoint",
                        c.id())));
            }
        }
        if (historyChanged) {
            history.setAll(historyOf(s));
        }
    }

    private static List<HistoryEntry> historyOf(JobSnapshot s) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (FailureEvent failure : s.failures()) {
            String where = failure.operatorId() == null ? Texts.get("history.job")
                    : failure.operatorId() + " #" + failure.subtaskIndex();
            entries.add(new HistoryEntry(failure.timestamp(), true, Texts.format("history.failed", where,
                    Problems.of(failure))));
        }
        for (RestartEvent restart : s.restarts()) {
            entries.add(new HistoryEntry(restart.restoreTimestamp(), false, Texts.format("history.restarted",
                    restart.delayMillis(), restoredFrom(restart.restoredCheckpointId(),
                            s.isStartSavepoint(restart.restoredCheckpointId())))));
        }
        entries.sort(Comparator.comparingLong(HistoryEntry::timestamp));
        return entries;
    }

    /**
     * "state restored from checkpoint 4" (or "from savepoint 4" when {@code savepoint}: the one the job started from),
     * or why nothing was restored.
     */
    public static String restoredFrom(long checkpointId, boolean savepoint) {
        return checkpointId > 0 ? Texts.format(savepoint ? "history.restoredFromSavepoint" : "history.restoredFrom",
                checkpointId)
                : checkpointId == 0 ? Texts.get("history.sourcesStartOver") : Texts.get("history.restorePending");
    }
}
