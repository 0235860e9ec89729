package org.checkpointlab.views.checkpoints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.views.i18n.Texts;

/**
 * One subtask's bar in the timeline of a checkpoint: from the trigger, the start delay (waiting for the first
 * barrier), then alignment, the sync phase and the async phase, each in ms. {@code slowest} marks the subtask whose
 * acknowledgement came last: the one that held the checkpoint up.
 *
 * @param label    "operator #index"
 * @param pending  not acknowledged yet (its phases are unknown)
 * @param dominant the phase that took the longest for this subtask ({@link Phase#REST} when the rest of its
 *                 end-to-end time is longer than each phase); {@code null} when it all took 0 ms
 */
public record TimelineRow(String label, long startDelay, long alignment, long sync, long async, long endToEnd,
                          boolean unaligned, boolean pending, boolean slowest, Phase dominant) {

    /**
     * The phases of a subtask's checkpoint, in order, then {@link #REST}: what its end-to-end time has beyond them
     * (the acknowledgement's way to the coordinator, and each phase's rounding to whole ms).
     */
    public enum Phase {
        START_DELAY("phase.startDelay"), ALIGNMENT("phase.alignment"), SYNC("phase.sync"), ASYNC("phase.async"),
        REST("phase.rest");

        private final String label;

        Phase(String key) {
            this.label = Texts.get(key);
        }

        public String label() {
            return label;
        }
    }

    /** The rows of {@code checkpoint}, one per subtask in the order reported, labelled by operator id. */
    public static List<TimelineRow> of(CheckpointStats checkpoint) {
        return of(checkpoint, id -> id);
    }

    /**
     * The rows of {@code checkpoint}, one per subtask in the order reported.
     *
     * @param operatorLabel how an operator id is shown (a Flink job vertex by its name, as the graph shows it)
     */
    public static List<TimelineRow> of(CheckpointStats checkpoint, UnaryOperator<String> operatorLabel) {
        SubtaskCheckpointStats slowest = checkpoint.subtasks().stream().filter(s -> s.ackTimestamp() > 0)
                .max(Comparator.comparingLong(SubtaskCheckpointStats::endToEndMillis)).orElse(null);
        List<TimelineRow> rows = new ArrayList<>();
        for (SubtaskCheckpointStats s : checkpoint.subtasks()) {
            boolean pending = s.ackTimestamp() <= 0;
            long delay = Math.max(0, s.startDelayMillis());
            long align = Math.max(0, s.alignmentMillis());
            long sync = Math.max(0, s.syncMillis());
            long async = Math.max(0, s.asyncMillis());
            Phase dominant = delay > 0 ? Phase.START_DELAY : null;
            long longest = delay;
            if (align > longest) {
                dominant = Phase.ALIGNMENT;
                longest = align;
            }
            if (sync > longest) {
                dominant = Phase.SYNC;
                longest = sync;
            }
            if (async > longest) {
                dominant = Phase.ASYNC;
                longest = async;
            }
            long endToEnd = Math.max(0, s.endToEndMillis());
            if (endToEnd - (delay + align + sync + async) > longest) {
                dominant = Phase.REST; // e.g. the acknowledgement's way to Flink's coordinator
            }
            rows.add(new TimelineRow(operatorLabel.apply(s.operatorId()) + " #" + s.subtaskIndex(), delay, align, sync, async,
                    Math.max(0, s.endToEndMillis()), s.unaligned(), pending, s == slowest, dominant));
        }
        return rows;
    }

    /** Where the bar ends: the end-to-end time, or the sum of the phases if that is longer. */
    public long total() {
        return Math.max(endToEnd, startDelay + alignment + sync + async);
    }

    /** The end-to-end time beyond the phases (see {@link Phase#REST}), 0 when they account for all of it. */
    public long rest() {
        return total() - (startDelay + alignment + sync + async);
    }

    /** The bar's segments in ms, in {@link Phase} order. */
    long[] lengths() {
        return new long[] {startDelay, alignment, sync, async, rest()};
    }
}
