package org.checkpointlab.model.lesson;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.OperatorSpec;

/**
 * What had happened when a step began, so that its condition counts only what happens after: the job it watched,
 * the checkpoints already ended, the failures and recoveries already seen, the records already processed.
 * A later observation of another job (a restore, a rescale) counts everything of that job as new.
 */
final class Baseline {
    private final long jobSerial;
    private final Set<Long> endedCheckpoints = new HashSet<>();
    private final long maxCheckpointId;
    private final int failures;
    private final int restarts;
    private final int savepoints;
    private final Map<String, Long> recordsIn = new HashMap<>();
    private final Map<String, Integer> parallelism = new HashMap<>();
    private final Map<String, Integer> actions;

    Baseline(LessonObservation o) {
        jobSerial = o.jobSerial();
        JobSnapshot s = o.snapshot();
        long max = 0;
        if (s != null) {
            for (CheckpointStats c : s.checkpoints()) {
                max = Math.max(max, c.id());
                if (c.status() != CheckpointStatus.IN_PROGRESS) {
                    endedCheckpoints.add(c.id());
                }
            }
            for (SubtaskSnapshot t : s.subtasks()) {
                for (String op : t.operatorIds()) {
                    recordsIn.merge(op, t.recordsIn(), Long::sum);
                }
            }
        }
        maxCheckpointId = max;
        failures = s == null ? 0 : s.failures().size();
        restarts = s == null ? 0 : s.restarts().size();
        savepoints = o.savepoints().size();
        if (o.pipeline() != null) {
            for (OperatorSpec op : o.pipeline().operators()) {
                parallelism.put(op.id(), op.parallelism());
            }
        }
        actions = o.userActions();
    }

    boolean sameJob(LessonObservation o) {
        return o.jobSerial() == jobSerial;
    }

    /** Checkpoints (and savepoints) that ended with {@code status} since the baseline. */
    Stream<CheckpointStats> ended(LessonObservation o, CheckpointStatus status) {
        if (o.snapshot() == null) {
            return Stream.empty();
        }
        boolean same = sameJob(o);
        return o.snapshot().checkpoints().stream()
                .filter(c -> c.status() == status && (!same || !endedCheckpoints.contains(c.id())));
    }

    /** The first checkpoint id that counts as new: any of another job, else one above every id seen before. */
    long firstNewCheckpointId(LessonObservation o) {
        return sameJob(o) ? maxCheckpointId + 1 : 1;
    }

    int newFailures(LessonObservation o) {
        return o.snapshot() == null ? 0 : o.snapshot().failures().size() - (sameJob(o) ? failures : 0);
    }

    /** The recoveries since the baseline, oldest first. */
    List<org.checkpointlab.model.observe.RestartEvent> newRestarts(LessonObservation o) {
        if (o.snapshot() == null) {
            return List.of();
        }
        List<org.checkpointlab.model.observe.RestartEvent> all = o.snapshot().restarts();
        int from = sameJob(o) ? Math.min(restarts, all.size()) : 0;
        return all.subList(from, all.size());
    }

    int newSavepoints(LessonObservation o) {
        return o.savepoints().size() - (sameJob(o) ? savepoints : 0);
    }

    /** Records into {@code operatorId} since the baseline (all of them for another job). */
    long newRecordsIn(LessonObservation o, String operatorId) {
        long now = recordsIn(o.snapshot(), operatorId);
        return sameJob(o) ? now - recordsIn.getOrDefault(operatorId, 0L) : now;
    }

    /** The operator's parallelism when the step began, or -1. */
    int parallelismBefore(String operatorId) {
        return parallelism.getOrDefault(operatorId, -1);
    }

    int newActions(LessonObservation o, String action) {
        return o.actions(action) - actions.getOrDefault(action, 0);
    }

    static long recordsIn(JobSnapshot s, String operatorId) {
        if (s == null) {
            return 0;
        }
        long sum = 0;
        for (SubtaskSnapshot t : s.subtasks()) {
            if (t.operatorIds().contains(operatorId)) {
                sum += t.recordsIn();
            }
        }
        return sum;
    }
}
