package org.checkpointlab.views.settings;

import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EditRefused;
import org.checkpointlab.views.editor.model.SetCheckpointing;
import org.checkpointlab.views.live.BarrierMode;
import org.checkpointlab.views.live.FollowedBarrierMode;

/**
 * Keeps the toolbar's barrier mode and the pipeline's checkpoint options one fact: a mode picked in the toolbar is
 * recorded in the pipeline as an undoable edit ("Set checkpointing mode at-least-once"), and while no job runs
 * the toolbar shows the mode of the pipeline's options (after Settings' Apply, an undo, another file). While a job
 * runs the toolbar follows the job instead (see {@code LiveJobViewModel}). FX thread only.
 */
public final class ToolbarBarrierMode {
    private final CommandStack edits;
    private final ObservableBooleanValue jobActive;
    private final FollowedBarrierMode followed;

    private ToolbarBarrierMode(CommandStack edits, ObjectProperty<BarrierMode> toolbar,
                               ObservableBooleanValue jobActive) {
        this.edits = edits;
        this.jobActive = jobActive;
        this.followed = new FollowedBarrierMode(toolbar);
    }

    /**
     * Ties {@code toolbar} to the pipeline {@code edits} holds.
     *
     * @param jobActive whether a job of the pipeline runs (the toolbar then shows the job's mode)
     */
    public static void bind(CommandStack edits, ObjectProperty<BarrierMode> toolbar, ObservableBooleanValue jobActive) {
        ToolbarBarrierMode sync = new ToolbarBarrierMode(Objects.requireNonNull(edits, "edits"),
                Objects.requireNonNull(toolbar, "toolbar"), Objects.requireNonNull(jobActive, "jobActive"));
        edits.addListener(stack -> sync.pipelineChanged());
        jobActive.addListener((obs, was, active) -> sync.pipelineChanged());
        toolbar.addListener((obs, was, mode) -> sync.toolbarChanged(mode));
        sync.pipelineChanged();
    }

    private void pipelineChanged() {
        if (!jobActive.get()) {
            followed.follow(pipelineOptions());
        }
    }

    private void toolbarChanged(BarrierMode mode) {
        CheckpointOptions options = pipelineOptions();
        if (followed.following() || mode == null || options == null || BarrierMode.of(options) == mode) {
            return;
        }
        try {
            edits.execute(SetCheckpointing.of(options, mode.applyTo(options)));
        } catch (EditRefused e) {
            // the mode cannot go with the other options (the live view says so for a running job); the pipeline
            // keeps its options and Run reports the problem
        }
    }

    private CheckpointOptions pipelineOptions() {
        try {
            return edits.current().spec().checkpointing().options();
        } catch (IllegalArgumentException e) {
            return null; // an invalid section: the editor lists the problem, Run refuses
        }
    }
}
