package org.checkpointlab.views.live;

import org.checkpointlab.views.i18n.Texts;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.views.session.JobSession;

/**
 * The toolbar's barrier mode and the running job's checkpoint options, one fact: a mode picked while a job runs is
 * applied to it from its next checkpoint on (or refused, saying why), and options changed elsewhere (Settings, a
 * restore) show in the mode without being applied back. FX thread only.
 */
final class BarrierModeSync {
    private final JobSession session;
    private final ObservableBooleanValue active;
    private final Consumer<String> announce;
    /** The barrier mode as it follows the job's options (not applied back). */
    private final FollowedBarrierMode followed;

    private BarrierModeSync(JobSession session, ObjectProperty<BarrierMode> barrierMode, ObservableBooleanValue active,
                            Consumer<String> announce) {
        this.session = session;
        this.active = active;
        this.announce = announce;
        this.followed = new FollowedBarrierMode(barrierMode);
    }

    /** Ties {@code barrierMode} to the session's job while {@code active}; results are announced. */
    static void bind(JobSession session, ObjectProperty<BarrierMode> barrierMode, ObservableBooleanValue active,
                     Consumer<String> announce) {
        BarrierModeSync sync = new BarrierModeSync(session, barrierMode, active, announce);
        barrierMode.addListener((obs, old, now) -> sync.apply(now));
        session.checkpointOptionsProperty().addListener((obs, old, now) -> sync.followed.follow(now));
    }

    /** The toolbar's barrier mode changed: the running job takes it from its next checkpoint on. */
    private void apply(BarrierMode mode) {
        if (followed.following() || !active.get() || mode == null) {
            return;
        }
        CheckpointOptions wanted;
        try {
            wanted = mode.applyTo(session.job().checkpointOptions()).validated();
        } catch (IllegalArgumentException e) {
            announce.accept(Texts.format("live.barriers.cannotSwitch", mode, e.getMessage()));
            return;
        }
        List<String> refused = session.updateCheckpointOptions(wanted);
        if (!refused.isEmpty()) {
            // The toolbar shows what the job still runs (later: the choice box's binding is still updating now).
            CheckpointOptions kept = session.job().checkpointOptions();
            javafx.application.Platform.runLater(() -> followed.follow(kept));
        }
        announce.accept(refused.isEmpty() ? Texts.format("live.barriers.switched", mode)
                : Texts.format("live.barriers.cannotSwitch", mode, String.join("; ", refused)));
    }
}
