package org.checkpointlab.model.lesson;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.observe.ChannelSnapshot;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.OperatorSpec;

/**
 * The event that ends a lesson step, decided on what the job shows ({@link LessonObservation}s), never on time.
 * Each step watches from the observation it began with ({@link #watchFrom}): a checkpoint that completed before the
 * step does not end it, one that completes after does. Operator ids name any operator of a chain.
 */
public sealed interface StepCondition {

    /** Whether the condition happened between the baseline and {@code now}. */
    @FunctionalInterface
    interface Watch {
        boolean met(LessonObservation now);
    }

    /** Starts watching from {@code baseline}. */
    Watch watchFrom(LessonObservation baseline);

    /** The operators this condition names (checked against the lesson's pipeline). */
    default java.util.List<String> operators() {
        return java.util.List.of();
    }

    /** A condition on one operator, which it names for the check against the lesson's pipeline. */
    sealed interface OnOperator extends StepCondition {
        String operator();

        @Override
        default java.util.List<String> operators() {
            return java.util.List.of(operator());
        }
    }

    /** Only the Next button ends the step (reading steps). */
    record Manual() implements StepCondition {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            return now -> false;
        }
    }

    /**
     * Barrier {@code checkpoint} (0: of any checkpoint triggered after the step began) reached a subtask of
     * {@code operator}: its barrier handler works on that checkpoint or a later one, or the operator acknowledged it,
     * or it completed.
     */
    record BarrierReached(String operator, long checkpoint) implements OnOperator {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            Baseline b = new Baseline(baseline);
            return now -> {
                JobSnapshot s = now.snapshot();
                if (s == null) {
                    return false;
                }
                long wanted = checkpoint > 0 ? checkpoint : b.firstNewCheckpointId(now);
                for (SubtaskSnapshot t : s.subtasks()) {
                    if (t.operatorIds().contains(operator) && t.barrierState().checkpointId() >= wanted) {
                        return true;
                    }
                }
                for (CheckpointStats c : s.checkpoints()) {
                    if (c.id() >= wanted && !c.savepoint() && (c.status() == CheckpointStatus.COMPLETED
                            || acknowledgedBy(s, c, operator))) {
                        return true;
                    }
                }
                return false;
            };
        }

        private static boolean acknowledgedBy(JobSnapshot s, CheckpointStats c, String operator) {
            for (SubtaskCheckpointStats st : c.subtasks()) {
                if (st.ackTimestamp() > 0 && headOf(s, operator).equals(st.operatorId())) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A channel into {@code to} (from {@code from}; either may be null for any) is blocked by a subtask aligning
     * barriers (aligned exactly-once).
     */
    record ChannelBlocked(String from, String to) implements StepCondition {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            return now -> {
                JobSnapshot s = now.snapshot();
                if (s == null) {
                    return false;
                }
                for (ChannelSnapshot c : s.channels()) {
                    if (c.blocked() && (from == null || from.equals(c.fromOperator()) || chainOf(s, from, c.fromOperator()))
                            && (to == null || to.equals(c.toOperator()) || chainOf(s, to, c.toOperator()))) {
                        return true;
                    }
                }
                for (SubtaskSnapshot t : s.subtasks()) {
                    if (t.barrierState() instanceof BarrierHandlerState.CollectingAligned a && from == null
                            && a.received() > 0 && a.received() < a.channels()
                            && (to == null || t.operatorIds().contains(to))) {
                        return true;
                    }
                }
                return false;
            };
        }

        @Override
        public java.util.List<String> operators() {
            return java.util.stream.Stream.of(from, to).filter(java.util.Objects::nonNull).toList();
        }
    }

    /**
     * {@code count} checkpoints completed since the step began, each matching every filter given: taken unaligned
     * (or aligned), at-least-once (or exactly-once), with at least so much persisted in-flight data, alignment,
     * start delay or async phase; with {@code savepoint} the savepoints count instead of the checkpoints.
     */
    record CheckpointCompleted(int count, Boolean unaligned, Boolean atLeastOnce, long minPersistedBytes,
                               long minAlignmentMillis, long minStartDelayMillis, long minAsyncMillis,
                               boolean savepoint)
            implements StepCondition {
        public CheckpointCompleted {
            count = Math.max(1, count);
        }

        /** Any one checkpoint. */
        public static CheckpointCompleted any() {
            return new CheckpointCompleted(1, null, null, 0, 0, 0, 0, false);
        }

        @Override
        public Watch watchFrom(LessonObservation baseline) {
            Baseline b = new Baseline(baseline);
            return now -> b.ended(now, CheckpointStatus.COMPLETED).filter(this::matches).count() >= count;
        }

        boolean matches(CheckpointStats c) {
            return c.savepoint() == savepoint && (unaligned == null || c.unaligned() == unaligned)
                    && (atLeastOnce == null || c.atLeastOnce() == atLeastOnce)
                    && c.persistedInFlight() >= minPersistedBytes && c.alignmentMillis() >= minAlignmentMillis
                    && c.startDelayMillis() >= minStartDelayMillis && c.asyncMillis() >= minAsyncMillis;
        }
    }

    /** A checkpoint failed (timed out, declined, or a task failed) since the step began. */
    record CheckpointFailed() implements StepCondition {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            Baseline b = new Baseline(baseline);
            return now -> b.ended(now, CheckpointStatus.FAILED).anyMatch(c -> !c.savepoint());
        }
    }

    /** A subtask (of {@code operator}, or any when null) failed since the step began. */
    record SubtaskFailed(String operator) implements StepCondition {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            Baseline b = new Baseline(baseline);
            return now -> {
                int fresh = b.newFailures(now);
                if (fresh <= 0) {
                    return false;
                }
                if (operator == null) {
                    return true;
                }
                var all = now.snapshot().failures();
                return all.subList(all.size() - fresh, all.size()).stream()
                        .anyMatch(f -> f.operatorId() != null && (f.operatorId().equals(operator)
                                || chainOf(now.snapshot(), operator, f.operatorId())));
            };
        }

        @Override
        public java.util.List<String> operators() {
            return operator == null ? java.util.List.of() : java.util.List.of(operator);
        }
    }

    /**
     * The job restored its state since the step began: {@code fromSavepoint} false: it recovered from a failure
     * with a checkpoint's state; true: a new job started from a savepoint (Job &gt; Restore, a rescale).
     */
    record JobRestored(boolean fromSavepoint) implements StepCondition {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            Baseline b = new Baseline(baseline);
            return now -> {
                if (fromSavepoint) {
                    return !b.sameJob(now) && now.config() != null && now.config().restore() != null;
                }
                return b.newRestarts(now).stream().anyMatch(r -> r.restoredCheckpointId() > 0);
            };
        }
    }

    /** A savepoint was written (by Trigger savepoint or Stop with savepoint) since the step began. */
    record SavepointWritten() implements StepCondition {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            Baseline b = new Baseline(baseline);
            return now -> b.newSavepoints(now) > 0;
        }
    }

    /**
     * Another job now runs the pipeline from a savepoint with {@code operator} at another parallelism than when
     * the step began ({@code parallelism} &gt; 0: at that one).
     */
    record JobRescaled(String operator, int parallelism) implements OnOperator {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            Baseline b = new Baseline(baseline);
            return now -> {
                if (b.sameJob(now) || now.pipeline() == null || now.config() == null
                        || now.config().restore() == null) {
                    return false;
                }
                int p = now.pipeline().operator(operator).map(OperatorSpec::parallelism).orElse(-1);
                return parallelism > 0 ? p == parallelism : p > 0 && p != b.parallelismBefore(operator);
            };
        }
    }

    /** The job is in {@code status} (FINISHED after a stop with savepoint, RESTARTING after a failure). */
    record JobStatusIs(JobStatus status) implements StepCondition {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            return now -> now.snapshot() != null && now.snapshot().status() == status;
        }
    }

    /** A subtask of {@code operator} is backpressured at least at {@code level} (LOW or HIGH, as Flink's levels). */
    record Backpressured(String operator, String level) implements OnOperator {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            return now -> now.snapshot() != null && now.snapshot().subtasks().stream()
                    .filter(t -> t.operatorIds().contains(operator))
                    .anyMatch(t -> rank(t.backPressureLevel()) >= rank(level));
        }

        private static int rank(String level) {
            return switch (level) {
                case "HIGH" -> 2;
                case "LOW" -> 1;
                default -> 0;
            };
        }
    }

    /** {@code operator} processed {@code count} more records since the step began. */
    record RecordsProcessed(String operator, long count) implements OnOperator {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            Baseline b = new Baseline(baseline);
            return now -> now.snapshot() != null && b.newRecordsIn(now, operator) >= count;
        }
    }

    /** The job runs on {@code backend} (incremental checkpoints when {@code incremental} is true). */
    record StateBackendIs(StateBackendKind backend, boolean incremental) implements StepCondition {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            return now -> now.config() != null && now.snapshot() != null && !now.snapshot().status().isTerminal()
                    && now.config().backend() == backend && (!incremental || now.config().incremental());
        }
    }

    /**
     * The job's checkpoints run in {@code mode} (aligned, unaligned, at-least-once; null for any), with an aligned
     * checkpoint timeout set when {@code alignedTimeout} is true: what the toolbar's Barriers choice and Settings
     * change on the running job.
     */
    record BarriersAre(String mode, boolean alignedTimeout) implements StepCondition {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            return now -> {
                CheckpointOptions o = now.options();
                if (o == null || now.snapshot() == null || now.snapshot().status().isTerminal()) {
                    return false;
                }
                String actual = o.mode() == CheckpointingMode.AT_LEAST_ONCE ? "at-least-once"
                        : o.unaligned() ? "unaligned" : "aligned";
                return (mode == null || mode.equals(actual))
                        && (!alignedTimeout || (o.alignedTimeout() != null && !o.alignedTimeout().isZero()));
            };
        }
    }

    /** The user did {@code action} (as the window reports it, e.g. {@code tab:output}) since the step began. */
    record UserDid(String action) implements StepCondition {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            Baseline b = new Baseline(baseline);
            return now -> b.newActions(now, action) > 0;
        }
    }

    /**
     * The learner found a key with the State view's search since the step began: {@code key} (any when null) in
     * {@code operator}'s state (any operator when null). With {@code rescaled}, found where a rescale put it: the
     * job running now was started from a savepoint, and the search located the key at the parallelism that job
     * runs the operator at, in that job's own state (the State view of the running job) or in an older savepoint
     * asked about that parallelism.
     */
    record KeyFoundInState(String operator, String key, boolean rescaled) implements StepCondition {
        @Override
        public Watch watchFrom(LessonObservation baseline) {
            int before = baseline.keysFound().size();
            return now -> {
                var all = now.keysFound();
                for (KeyFound f : all.subList(Math.min(before, all.size()), all.size())) {
                    if ((operator == null || operator.equals(f.operatorId())) && (key == null || key.equals(f.key()))
                            && (!rescaled || onNewSubtask(now, f))) {
                        return true;
                    }
                }
                return false;
            };
        }

        private static boolean onNewSubtask(LessonObservation now, KeyFound f) {
            if (now.config() == null || now.config().restore() == null || now.pipeline() == null) {
                return false;
            }
            int running = now.pipeline().operator(f.operatorId()).map(OperatorSpec::parallelism).orElse(-1);
            return f.parallelism() == running && (f.runningJob() || f.savedParallelism() != running);
        }

        @Override
        public java.util.List<String> operators() {
            return operator == null ? java.util.List.of() : java.util.List.of(operator);
        }
    }

    /** The learner picked the right answer to the step's question. */
    record Answered() implements StepCondition {
        /** The user action the lesson panel reports when the right answer is picked. */
        public static final String ACTION = "answer";

        @Override
        public Watch watchFrom(LessonObservation baseline) {
            Baseline b = new Baseline(baseline);
            return now -> b.newActions(now, ACTION) > 0;
        }
    }

    /** The id of the chain head that runs {@code operator} (itself when not chained or unknown). */
    private static String headOf(JobSnapshot s, String operator) {
        for (SubtaskSnapshot t : s.subtasks()) {
            if (t.operatorIds().contains(operator)) {
                return t.operatorIds().get(0);
            }
        }
        return operator;
    }

    /** Whether {@code operator} runs in the same chain as {@code chainMember}. */
    private static boolean chainOf(JobSnapshot s, String operator, String chainMember) {
        for (SubtaskSnapshot t : s.subtasks()) {
            if (t.operatorIds().contains(operator) && t.operatorIds().contains(chainMember)) {
                return true;
            }
        }
        return false;
    }
}
