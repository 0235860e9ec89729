package org.checkpointlab.views.live;

import javafx.beans.property.ObjectProperty;
import org.checkpointlab.model.checkpoint.CheckpointOptions;

/**
 * The toolbar's barrier mode as it follows checkpoint options changed elsewhere (the pipeline's, the running
 * job's): while {@link #following()}, the mode's own listeners must not apply the change back. FX thread only.
 */
public final class FollowedBarrierMode {
    private final ObjectProperty<BarrierMode> mode;
    private boolean following;

    public FollowedBarrierMode(ObjectProperty<BarrierMode> mode) {
        this.mode = mode;
    }

    /** Shows the barrier mode of {@code options} ({@code null}: none to show). */
    public void follow(CheckpointOptions options) {
        if (options == null || BarrierMode.of(options) == mode.get()) {
            return;
        }
        following = true;
        try {
            mode.set(BarrierMode.of(options));
        } finally {
            following = false;
        }
    }

    /** True while the mode changes because it follows options, not because the user picked it. */
    public boolean following() {
        return following;
    }
}
