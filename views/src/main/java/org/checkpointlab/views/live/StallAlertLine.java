package org.checkpointlab.views.live;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.observe.CheckpointStall;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;

/**
 * The status strip's checkpoint stall alert, whatever engine runs the job: the {@link CheckpointStall} of a
 * snapshot with the checkpoint that is pending (its id and for how long) and the slowest subtask where the data
 * show one: a subtask the pending checkpoint still waits for, else the one that took longest in the last completed
 * checkpoint. Empty while checkpoints do not stall, and while the job is paused. Pure functions of the snapshot.
 */
public final class StallAlertLine {
    /** Intervals without a completed checkpoint that make a stall (the command line's {@code --stall-intervals}). */
    public static final int DEFAULT_INTERVALS = 3;

    private StallAlertLine() {
    }

    /**
     * The alert for {@code snapshot}, or "" when checkpoints do not stall.
     *
     * @param watchedSince when observation began (epoch ms)
     * @param staleness    how old the snapshot's checkpoint data may be (zero for the local engine)
     * @param nowMillis    the current time (epoch ms)
     */
    public static String of(JobSnapshot snapshot, CheckpointOptions options, long watchedSince, Duration staleness,
                            long nowMillis) {
        if (snapshot == null || options == null || snapshot.paused()) {
            return ""; // a paused job completes no checkpoint by the user's choice
        }
        Optional<CheckpointStall> stall = CheckpointStall.detect(snapshot, options.interval(), watchedSince,
                staleness, nowMillis, DEFAULT_INTERVALS, DEFAULT_INTERVALS);
        if (stall.isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder("\u26a0 Checkpoints stall: ").append(stall.get().message());
        pending(snapshot).ifPresent(p -> {
            line.append(String.format(Locale.ROOT, "; checkpoint %d pending for %s (%d/%d acknowledged)", p.id(),
                    seconds(nowMillis - p.triggerTimestamp()), p.acknowledged(), p.total()));
            waitingFor(snapshot, p).ifPresent(s -> line.append(", waits for ").append(s));
        });
        if (pending(snapshot).isEmpty() || waitingFor(snapshot, pending(snapshot).get()).isEmpty()) {
            slowestLastTime(snapshot).ifPresent(s -> line.append("; slowest in the last completed: ").append(s));
        }
        if (stall.get().cause() != null) {
            line.append("; likely cause: ").append(stall.get().cause());
        }
        return line.toString();
    }

    /** The newest checkpoint in progress. */
    static Optional<CheckpointStats> pending(JobSnapshot snapshot) {
        return snapshot.checkpoints().stream().filter(c -> c.status() == CheckpointStatus.IN_PROGRESS)
                .max(Comparator.comparingLong(CheckpointStats::id));
    }

    /**
     * A subtask the pending checkpoint has no acknowledgement of, when the engine lists the acknowledged ones
     * (Flink's REST history does not for a checkpoint in progress).
     */
    static Optional<String> waitingFor(JobSnapshot snapshot, CheckpointStats pending) {
        if (pending.subtasks().isEmpty()) {
            return Optional.empty();
        }
        Set<String> acked = new HashSet<>();
        for (SubtaskCheckpointStats s : pending.subtasks()) {
            acked.add(s.operatorId() + "#" + s.subtaskIndex());
        }
        List<SubtaskSnapshot> missing = snapshot.subtasks().stream()
                .filter(s -> s.operatorIds().stream().noneMatch(id -> acked.contains(id + "#" + s.subtaskIndex())))
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        SubtaskSnapshot first = missing.get(0);
        return Optional.of(first.taskName() + " subtask " + first.subtaskIndex()
                + (missing.size() > 1 ? " and " + (missing.size() - 1) + " more" : ""));
    }

    /** The subtask with the longest end-to-end duration in the last completed checkpoint. */
    static Optional<String> slowestLastTime(JobSnapshot snapshot) {
        Optional<CheckpointStats> last = snapshot.checkpoints().stream()
                .filter(c -> c.status() == CheckpointStatus.COMPLETED)
                .max(Comparator.comparingLong(CheckpointStats::id));
        return last.flatMap(c -> c.subtasks().stream().max(Comparator.comparingLong(
                SubtaskCheckpointStats::endToEndMillis)).map(s -> String.format(Locale.ROOT,
                "%s subtask %d (%d ms, start delay %d ms, async %d ms)", name(snapshot, s.operatorId()),
                s.subtaskIndex(), s.endToEndMillis(), s.startDelayMillis(), s.asyncMillis())));
    }

    private static String name(JobSnapshot snapshot, String operatorId) {
        return snapshot.subtasks().stream().filter(s -> s.operatorIds().contains(operatorId))
                .map(SubtaskSnapshot::taskName).findFirst().orElse(operatorId);
    }

    private static String seconds(long millis) {
        return Math.max(0, millis) / 1000 + " s";
    }
}
