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
import org.checkpointlab.views.i18n.Texts;

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
        StringBuilder line = new StringBuilder(Texts.format("stall.line", sign(stall.get())));
        pending(snapshot).ifPresent(p -> {
            line.append(Texts.format("stall.pending", String.valueOf(p.id()),
                    seconds(nowMillis - p.triggerTimestamp()), String.valueOf(p.acknowledged()),
                    String.valueOf(p.total())));
            waitingFor(snapshot, p).ifPresent(s -> line.append(Texts.format("stall.waitsFor", s)));
        });
        if (pending(snapshot).isEmpty() || waitingFor(snapshot, pending(snapshot).get()).isEmpty()) {
            slowestLastTime(snapshot).ifPresent(s -> line.append(Texts.format("stall.slowest", s)));
        }
        if (stall.get().likelyCause() != null) {
            line.append(Texts.format("stall.cause", cause(stall.get())));
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
        return Optional.of(missing.size() > 1
                ? Texts.format("stall.subtaskAndMore", first.taskName(), String.valueOf(first.subtaskIndex()),
                        String.valueOf(missing.size() - 1))
                : Texts.format("stall.subtask", first.taskName(), String.valueOf(first.subtaskIndex())));
    }

    /** The subtask with the longest end-to-end duration in the last completed checkpoint. */
    static Optional<String> slowestLastTime(JobSnapshot snapshot) {
        Optional<CheckpointStats> last = snapshot.checkpoints().stream()
                .filter(c -> c.status() == CheckpointStatus.COMPLETED)
                .max(Comparator.comparingLong(CheckpointStats::id));
        return last.flatMap(c -> c.subtasks().stream().max(Comparator.comparingLong(
                SubtaskCheckpointStats::endToEndMillis)).map(s -> Texts.format("stall.slowestSubtask",
                name(snapshot, s.operatorId()), String.valueOf(s.subtaskIndex()), String.valueOf(s.endToEndMillis()),
                String.valueOf(s.startDelayMillis()), String.valueOf(s.asyncMillis()))));
    }

    private static String name(JobSnapshot snapshot, String operatorId) {
        return snapshot.subtasks().stream().filter(s -> s.operatorIds().contains(operatorId))
                .map(SubtaskSnapshot::taskName).findFirst().orElse(operatorId);
    }

    private static String seconds(long millis) {
        return Texts.format("stall.seconds", String.valueOf(Math.max(0, millis) / 1000));
    }

    /** The stall's sign in the user's language. */
    static String sign(CheckpointStall stall) {
        List<Object> a = stall.signArgs();
        return switch (stall.sign()) {
            case NO_CHECKPOINT_COMPLETED -> Texts.format("stall.sign.noCheckpoint", String.valueOf(a.get(0)),
                    String.valueOf(a.get(1)), CheckpointStall.seconds((Duration) a.get(2)));
            case START_DELAY_DOMINATES -> Texts.format("stall.sign.startDelay", String.valueOf(a.get(0)),
                    String.valueOf(a.get(1)), String.valueOf(a.get(2)));
        };
    }

    /** The stall's likely cause in the user's language. */
    static String cause(CheckpointStall stall) {
        List<Object> a = stall.causeArgs();
        return switch (stall.likelyCause()) {
            case BACK_PRESSURE -> Texts.format("stall.cause.backPressure", String.valueOf(a.get(0)),
                    String.valueOf(a.get(1)), String.format(Locale.ROOT, "%.0f", (Double) a.get(2)));
            case SLOW_ASYNC -> Texts.format("stall.cause.slowAsync", String.valueOf(a.get(0)),
                    String.valueOf(a.get(1)), String.valueOf(a.get(2)), String.valueOf(a.get(3)));
            case WAITING_FOR_SUBTASKS -> Texts.format("stall.cause.waiting", String.valueOf(a.get(0)),
                    String.valueOf(a.get(1)), String.valueOf(a.get(2)));
        };
    }
}
