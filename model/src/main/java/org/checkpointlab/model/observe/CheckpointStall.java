package org.checkpointlab.model.observe;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;

/**
 * A checkpoint stall read from a snapshot, whatever engine runs the job, with its likely cause named from the
 * data. Two signs: no checkpoint completed for {@code intervals} checkpoint intervals, or the start delay (trigger
 * to the first barrier reaching a subtask) took most of each of the last {@code lastK} checkpoints. The cause, in
 * order: a back-pressured vertex (barriers queue behind records), a slow async phase (state size or storage), or
 * the subtasks an in-progress checkpoint still waits for.
 *
 * <p>Facts, not sentences: front ends word {@link #sign()} and {@link #likelyCause()} with their arguments in the
 * user's language; {@link #message()}, {@link #cause()} and {@link #toString()} are the command line's English.
 *
 * @param sign      what is wrong
 * @param signArgs  its figures: for {@link Sign#NO_CHECKPOINT_COMPLETED} the quiet seconds, the intervals and the
 *                  interval (a {@link Duration}); for {@link Sign#START_DELAY_DOMINATES} the checkpoints looked at,
 *                  the last one's start delay and its end-to-end duration (ms)
 * @param likelyCause the likely cause, or null when the data show none
 * @param causeArgs its figures: for {@link Cause#BACK_PRESSURE} the task name, the subtask and the back-pressured
 *                  ms per second (a double); for {@link Cause#SLOW_ASYNC} the subtask, the task name, the async and
 *                  end-to-end ms; for {@link Cause#WAITING_FOR_SUBTASKS} the checkpoint id, the subtasks missing and
 *                  the subtasks in all
 */
public record CheckpointStall(Sign sign, List<Object> signArgs, Cause likelyCause, List<Object> causeArgs) {
    /** Back pressure at or above this many ms per second (Flink's "low") is taken as a cause. */
    private static final double BACK_PRESSURED = 100;
    /** A start delay shorter than this is no stall, whatever its share of a (then short) checkpoint. */
    private static final long MIN_START_DELAY_MILLIS = 1_000;

    /** What shows that checkpoints stall. */
    public enum Sign {
        /** No checkpoint completed for a number of intervals. */
        NO_CHECKPOINT_COMPLETED,
        /** The start delay took most of each of the last checkpoints. */
        START_DELAY_DOMINATES
    }

    /** The likely cause, named from the data. */
    public enum Cause {
        /** A back-pressured vertex: barriers queue behind records. */
        BACK_PRESSURE,
        /** A slow async phase: state size or storage. */
        SLOW_ASYNC,
        /** The subtasks an in-progress checkpoint still waits for. */
        WAITING_FOR_SUBTASKS
    }

    public CheckpointStall {
        signArgs = List.copyOf(signArgs);
        causeArgs = causeArgs == null ? List.of() : List.copyOf(causeArgs);
    }

    /** What is wrong in English, e.g. "no checkpoint completed for 45 s (3 intervals of 15 s)". */
    public String message() {
        List<Object> a = signArgs;
        return switch (sign) {
            case NO_CHECKPOINT_COMPLETED -> String.format(Locale.ROOT,
                    "no checkpoint completed for %d s (%d intervals of %s)", a.get(0), a.get(1),
                    seconds((Duration) a.get(2)));
            case START_DELAY_DOMINATES -> String.format(Locale.ROOT,
                    "the start delay took most of the last %d checkpoints (up to %d of %d ms)", a.get(0), a.get(1),
                    a.get(2));
        };
    }

    /** The likely cause and what to try in English, or null when the data show none. */
    public String cause() {
        if (likelyCause == null) {
            return null;
        }
        List<Object> a = causeArgs;
        return switch (likelyCause) {
            case BACK_PRESSURE -> String.format(Locale.ROOT, "back pressure at %s (subtask %d, %.0f ms/s): barriers "
                    + "queue behind records; try unaligned checkpoints or a larger buffer timeout", a.get(0), a.get(1),
                    a.get(2));
            case SLOW_ASYNC -> String.format(Locale.ROOT, "a slow async phase at subtask %d of %s (%d ms of %d): "
                    + "state size or storage", a.get(0), a.get(1), a.get(2), a.get(3));
            case WAITING_FOR_SUBTASKS -> String.format(Locale.ROOT, "checkpoint %d still waits for %d of %d subtasks",
                    a.get(0), a.get(1), a.get(2));
        };
    }

    /** "message; likely cause: cause", or the message alone. */
    @Override
    public String toString() {
        String cause = cause();
        return cause == null ? message() : message() + "; likely cause: " + cause;
    }

    /**
     * The stall in {@code snapshot}, if any.
     *
     * @param interval      the periodic checkpoint interval, or null when checkpoints are not periodic (then only
     *                      the start-delay sign applies)
     * @param watchedSince  when observation began (epoch ms): without any completed checkpoint, time counts from
     *                      here
     * @param staleness     how old the snapshot's checkpoint data may be (Flink's REST cache and the poll
     *                      interval; 0 for the local engine): added to the time allowed
     * @param nowMillis     the current time (epoch ms)
     * @param intervals     how many intervals without a completed checkpoint make a stall (at least 1)
     * @param lastK         how many recent checkpoints the start delay must dominate (at least 1)
     */
    public static Optional<CheckpointStall> detect(JobSnapshot snapshot, Duration interval, long watchedSince,
                                                   Duration staleness, long nowMillis, int intervals, int lastK) {
        if (snapshot.status() != org.checkpointlab.model.observe.JobStatus.RUNNING) {
            return Optional.empty();
        }
        List<CheckpointStats> completed = snapshot.checkpoints().stream()
                .filter(c -> c.status() == CheckpointStatus.COMPLETED && !c.savepoint()).toList();
        if (interval != null && !interval.isZero()) {
            long since = completed.isEmpty() ? watchedSince
                    : Math.max(watchedSince, completed.get(completed.size() - 1).latestAckTimestamp());
            long quiet = nowMillis - since;
            if (quiet >= intervals * interval.toMillis() + staleness.toMillis()) {
                return Optional.of(withCause(Sign.NO_CHECKPOINT_COMPLETED,
                        List.of(quiet / 1000, intervals, interval), snapshot, completed));
            }
        }
        if (completed.size() >= lastK) {
            List<CheckpointStats> recent = completed.subList(completed.size() - lastK, completed.size());
            if (recent.stream().allMatch(c -> c.startDelayMillis() >= MIN_START_DELAY_MILLIS
                    && 2 * c.startDelayMillis() > c.endToEndMillis())) {
                CheckpointStats last = recent.get(recent.size() - 1);
                return Optional.of(withCause(Sign.START_DELAY_DOMINATES,
                        List.of(lastK, last.startDelayMillis(), last.endToEndMillis()), snapshot, completed));
            }
        }
        return Optional.empty();
    }

    private static CheckpointStall withCause(Sign sign, List<Object> signArgs, JobSnapshot snapshot,
                                             List<CheckpointStats> completed) {
        Optional<SubtaskSnapshot> pressured = snapshot.subtasks().stream()
                .max(Comparator.comparingDouble(SubtaskSnapshot::backPressuredMsPerSecond))
                .filter(s -> s.backPressuredMsPerSecond() >= BACK_PRESSURED);
        if (pressured.isPresent()) {
            SubtaskSnapshot s = pressured.get();
            return new CheckpointStall(sign, signArgs, Cause.BACK_PRESSURE,
                    List.of(s.taskName(), s.subtaskIndex(), s.backPressuredMsPerSecond()));
        }
        if (!completed.isEmpty()) {
            CheckpointStats last = completed.get(completed.size() - 1);
            Optional<SubtaskCheckpointStats> slowAsync = last.subtasks().stream()
                    .max(Comparator.comparingLong(SubtaskCheckpointStats::asyncMillis))
                    .filter(s -> 2 * s.asyncMillis() > last.endToEndMillis() && s.asyncMillis() > 0);
            if (slowAsync.isPresent()) {
                SubtaskCheckpointStats s = slowAsync.get();
                return new CheckpointStall(sign, signArgs, Cause.SLOW_ASYNC, List.of(s.subtaskIndex(),
                        taskName(snapshot, s.operatorId()), s.asyncMillis(), last.endToEndMillis()));
            }
        }
        return snapshot.checkpoints().stream().filter(c -> c.status() == CheckpointStatus.IN_PROGRESS)
                .reduce((a, b) -> b)
                .map(c -> new CheckpointStall(sign, signArgs, Cause.WAITING_FOR_SUBTASKS,
                        List.of(c.id(), c.total() - c.acknowledged(), c.total())))
                .orElse(new CheckpointStall(sign, signArgs, null, null));
    }

    private static String taskName(JobSnapshot snapshot, String operatorId) {
        return snapshot.subtasks().stream().filter(s -> s.operatorIds().contains(operatorId))
                .map(SubtaskSnapshot::taskName).findFirst().orElse(operatorId);
    }

    /** "15 s", or "500 ms" for an interval that is no whole number of seconds. */
    public static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
