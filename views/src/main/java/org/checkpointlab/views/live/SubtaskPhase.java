package org.checkpointlab.views.live;

import javafx.css.PseudoClass;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.views.i18n.Texts;

/**
 * What a subtask box says about its subtask besides its colour: its life cycle when it is not simply running,
 * else what its checkpointing is doing (barrier handler state, sync or async phase). Each phase has a glyph drawn
 * in the box, a pseudo-class for the box's border ({@code checkpoint-lab.css}) and a sentence for tooltips and
 * the legend, in the words of Flink's documentation.
 */
public enum SubtaskPhase {
    RUNNING("", "running", "phase.running"),
    CREATED("\u00b7", "created", "phase.created"),
    RESTORING("R", "restoring", "phase.restoring"),
    ALIGNING("\u2016", "aligning", "phase.aligning"),
    UNALIGNED("\u00bb", "unaligned", "phase.unaligned"),
    AT_LEAST_ONCE("\u2248", "at-least-once", "phase.atLeastOnce"),
    SNAPSHOT_SYNC("S", "snapshot-sync", "phase.snapshotSync"),
    SNAPSHOT_ASYNC("A", "snapshot-async", "phase.snapshotAsync"),
    CANCELING("\u2026", "canceling", "phase.canceling"),
    FAILED("\u2715", "failed", "phase.failed"),
    CANCELED("\u2013", "canceled", "phase.canceled"),
    FINISHED("\u2713", "finished", "phase.finished");

    private final String glyph;
    private final PseudoClass pseudoClass;
    private final String description;
    private final String label;

    SubtaskPhase(String glyph, String pseudoClassName, String key) {
        this.glyph = glyph;
        this.pseudoClass = PseudoClass.getPseudoClass(pseudoClassName);
        this.description = Texts.get(key + ".description");
        this.label = Texts.get(key);
    }

    /**
     * The phase of a subtask: a life cycle other than RUNNING wins; a running subtask shows its sync phase first,
     * then the barrier handler's collecting state, then running async phases.
     */
    public static SubtaskPhase of(SubtaskSnapshot subtask) {
        switch (subtask.status()) {
            case CREATED: return CREATED;
            case RESTORING: return RESTORING;
            case CANCELING: return CANCELING;
            case CANCELED: return CANCELED;
            case FAILED: return FAILED;
            case FINISHED: return FINISHED;
            case RUNNING: break;
            default: throw new IllegalArgumentException("unknown subtask status " + subtask.status());
        }
        if (subtask.syncPhase()) {
            return SNAPSHOT_SYNC;
        }
        BarrierHandlerState barriers = subtask.barrierState();
        if (barriers instanceof BarrierHandlerState.CollectingAligned) {
            return ALIGNING;
        }
        if (barriers instanceof BarrierHandlerState.CollectingUnaligned) {
            return UNALIGNED;
        }
        if (barriers instanceof BarrierHandlerState.CollectingAtLeastOnce) {
            return AT_LEAST_ONCE;
        }
        return subtask.asyncSnapshots() > 0 ? SNAPSHOT_ASYNC : RUNNING;
    }

    /** One or two characters drawn in the box; empty for a plain running subtask. */
    public String glyph() {
        return glyph;
    }

    /** The box's pseudo-class for this phase, e.g. {@code :aligning}. */
    public PseudoClass pseudoClass() {
        return pseudoClass;
    }

    public String description() {
        return description;
    }

    /** The short name shown in details, e.g. "aligning". */
    public String label() {
        return label;
    }

    /**
     * The barrier handler's progress in words, e.g. "barrier 5 on 1 of 2 inputs (aligned)"; empty while waiting
     * for the first barrier.
     */
    public static String barrierProgress(BarrierHandlerState state) {
        if (state instanceof BarrierHandlerState.CollectingAligned s) {
            return Texts.format("barrier.aligned", s.checkpointId(), s.received(), s.channels());
        }
        if (state instanceof BarrierHandlerState.CollectingUnaligned s) {
            return Texts.format("barrier.unaligned", s.checkpointId(), s.received(), s.channels());
        }
        if (state instanceof BarrierHandlerState.CollectingAtLeastOnce s) {
            return Texts.format("barrier.atLeastOnce", s.checkpointId(), s.received(), s.channels());
        }
        return "";
    }
}
