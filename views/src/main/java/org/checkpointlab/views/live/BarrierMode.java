package org.checkpointlab.views.live;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.views.i18n.Texts;

/** How barriers are handled, as a user picks it in the toolbar; maps onto {@link CheckpointOptions}. */
public enum BarrierMode {
    /** Exactly-once with aligned barriers: channels block until every barrier arrived. */
    ALIGNED("barrierMode.aligned"),
    /** Exactly-once, unaligned: barriers overtake buffers, which are persisted as in-flight state. */
    UNALIGNED("barrierMode.unaligned"),
    /** At-least-once: nothing blocks; the snapshot is taken when the last barrier arrives. */
    AT_LEAST_ONCE("barrierMode.atLeastOnce");

    private final String label;

    BarrierMode(String labelKey) {
        this.label = Texts.get(labelKey);
    }

    /** The mode a set of options describes. */
    public static BarrierMode of(CheckpointOptions options) {
        if (options.mode() == CheckpointingMode.AT_LEAST_ONCE) {
            return AT_LEAST_ONCE;
        }
        return options.unaligned() ? UNALIGNED : ALIGNED;
    }

    /** {@code options} changed to this mode (unaligned also gets max concurrent 1, which it requires). */
    public CheckpointOptions applyTo(CheckpointOptions options) {
        return switch (this) {
            case ALIGNED -> options.withMode(CheckpointingMode.EXACTLY_ONCE).withUnaligned(false);
            case UNALIGNED -> options.withMode(CheckpointingMode.EXACTLY_ONCE).withUnaligned(true).withMaxConcurrent(1);
            case AT_LEAST_ONCE -> options.withUnaligned(false).withMode(CheckpointingMode.AT_LEAST_ONCE);
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
