package org.checkpointlab.views.live;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import javafx.scene.control.Label;
import org.checkpointlab.views.session.JobSession;

/**
 * Keeps a status-strip label on the {@link StallAlertLine} of a session's job: recomputed from every snapshot the
 * session publishes to its panels, counted from when the job was shown, hidden (and taking no room) while
 * checkpoints do not stall. FX thread only.
 */
public final class StallAlertBinding {
    /** Style class of the alert label. */
    public static final String STYLE_CLASS = "strip-stall";

    private final Label label;
    private final JobSession session;
    private final Duration staleness;
    private final LongSupplier clock;
    private long watchedSince;

    private StallAlertBinding(Label label, JobSession session, Duration staleness, LongSupplier clock) {
        this.label = label;
        this.session = session;
        this.staleness = staleness;
        this.clock = clock;
        this.watchedSince = clock.getAsLong();
    }

    /**
     * Shows the stall alert of {@code session}'s job in {@code label}.
     *
     * @param staleness how old the job's data may be (zero for the local engine; a cluster's cache and poll interval)
     * @param clock     epoch ms now
     */
    public static StallAlertBinding bind(Label label, JobSession session, Duration staleness, LongSupplier clock) {
        StallAlertBinding binding = new StallAlertBinding(Objects.requireNonNull(label, "label"),
                Objects.requireNonNull(session, "session"), staleness, clock);
        label.getStyleClass().add(STYLE_CLASS);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        session.jobProperty().addListener((obs, old, job) -> {
            binding.watchedSince = clock.getAsLong();
            binding.update();
        });
        session.snapshotProperty().addListener((obs, old, snapshot) -> binding.update());
        binding.update();
        return binding;
    }

    /** Recomputes the alert now. */
    public void update() {
        String text = StallAlertLine.of(session.snapshotProperty().get(), session.checkpointOptionsProperty().get(),
                watchedSince, staleness, clock.getAsLong());
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
        label.setVisible(!text.isEmpty());
        label.setManaged(!text.isEmpty());
    }
}
