package org.checkpointlab.views.live;

import javafx.css.PseudoClass;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.observe.SubtaskSnapshot;

/**
 * What a subtask box says about its subtask besides its colour: its life cycle when it is not simply running,
 * else what its checkpointing is doing (barrier handler state, sync or async phase). Each phase has a glyph drawn
 * in the box, a pseudo-class for the box's border ({@code checkpoint-lab.css}) and a sentence for tooltips and
 * the legend, in the words of Flink's documentation.
 */
public enum SubtaskPhase {
    RUNNING("", "running", "Running: processing records; the colour shows how it spends its time."),
    CREATED("\u00b7", "created", "Created: deployed, its thread not started yet."),
    RESTORING("R", "restoring",
            "Restoring: loading its state from the latest completed checkpoint and replaying persisted in-flight data."),
    ALIGNING("\u2016", "aligning",
            "Aligning (exactly-once): a barrier arrived on some inputs; those channels are blocked until the barrier"
                    + " has arrived on every input, then the subtask snapshots."),
    UNALIGNED("\u00bb", "unaligned",
            "Unaligned: snapshotted at the first barrier, which overtook the queued buffers; buffers still arriving"
                    + " before the other barriers are persisted as in-flight state."),
    AT_LEAST_ONCE("\u2248", "at-least-once",
            "At-least-once: collecting barriers without blocking any channel; snapshots when the last one arrives."),
    SNAPSHOT_SYNC("S", "snapshot-sync",
            "Sync phase: processing stops while the state backend takes a copy-on-write view of the state."),
    SNAPSHOT_ASYNC("A", "snapshot-async",
            "Async phase: the snapshot is written to checkpoint storage while processing goes on; then it acks."),
    CANCELING("\u2026", "canceling", "Canceling: the job fails over or was stopped; the thread is being stopped."),
    FAILED("\u2715", "failed", "Failed: its thread threw; the exception history says why."),
    CANCELED("\u2013", "canceled", "Canceled."),
    FINISHED("\u2713", "finished", "Finished: every input ended and every operator closed.");

    private final String glyph;
    private final PseudoClass pseudoClass;
    private final String description;

    SubtaskPhase(String glyph, String pseudoClassName, String description) {
        this.glyph = glyph;
        this.pseudoClass = PseudoClass.getPseudoClass(pseudoClassName);
        this.description = description;
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
        return pseudoClass.getPseudoClassName();
    }

    /**
     * The barrier handler's progress in words, e.g. "barrier 5 on 1 of 2 inputs (aligned)"; empty while waiting
     * for the first barrier.
     */
    public static String barrierProgress(BarrierHandlerState state) {
        if (state instanceof BarrierHandlerState.CollectingAligned s) {
            return "barrier " + s.checkpointId() + " on " + s.received() + " of " + s.channels() + " inputs (aligned)";
        }
        if (state instanceof BarrierHandlerState.CollectingUnaligned s) {
            return "barrier " + s.checkpointId() + " on " + s.received() + " of " + s.channels()
                    + " inputs (unaligned)";
        }
        if (state instanceof BarrierHandlerState.CollectingAtLeastOnce s) {
            return "barrier " + s.checkpointId() + " on " + s.received() + " of " + s.channels()
                    + " inputs (at-least-once)";
        }
        return "";
    }
}
