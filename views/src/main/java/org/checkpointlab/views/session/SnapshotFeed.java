package org.checkpointlab.views.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.observe.JobSnapshot;

/**
 * The session's single feed of its job's snapshots: once per frame the live view's frame loop calls
 * {@link #sample(long, boolean)}, which takes one {@link JobSnapshot} from the client, records what is new in the
 * {@link JobEventLog}, hands it to whoever follows every sample (the session's pause), then to every
 * {@linkplain JobSession.SampleListener sample listener} (the live graph); panels that update less often read
 * {@link #snapshotProperty()}, published from the same samples at most once per poll interval, and at once when the
 * job's status changed. Nothing polls the engine on its own. FX thread only.
 */
final class SnapshotFeed {
    /** How often the panels get a new snapshot while the live view is not held back by its CPU budget. */
    static final long PUBLISH_NANOS = 250_000_000L;
    /**
     * How often sampled snapshots reach the panels while the live view is held back by its CPU budget (the engine
     * keeps every core busy): every 3 seconds, as often as Flink's own web UI refreshes by default
     * ({@code web.refresh-interval}). Each update of the panels (the checkpoint history, its timeline, the charts)
     * costs several times a sample of the graph, so the graph samples more often the less often they follow.
     */
    static final long CONSTRAINED_PUBLISH_NANOS = 3_000_000_000L;

    private final Supplier<JobClient> job;
    private final JobEventLog eventLog;
    private final Consumer<JobSnapshot> eachSample;
    private final ReadOnlyObjectWrapper<JobSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final List<JobSession.SampleListener> sampleListeners = new ArrayList<>();
    /** When the panels were given a snapshot last. */
    private long lastPublishedNanos = Long.MIN_VALUE / 2;
    private long snapshotErrors;

    /**
     * @param job        the job to sample, or {@code null} without one
     * @param eventLog   records what is new in each sample
     * @param eachSample follows each sample before the listeners get it
     */
    SnapshotFeed(Supplier<JobClient> job, JobEventLog eventLog, Consumer<JobSnapshot> eachSample) {
        this.job = job;
        this.eventLog = eventLog;
        this.eachSample = eachSample;
    }

    ReadOnlyObjectProperty<JobSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    long snapshotErrors() {
        return snapshotErrors;
    }

    void onSample(JobSession.SampleListener listener) {
        sampleListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** As {@link JobSession#sample(long, boolean)}. */
    JobSnapshot sample(long nowNanos, boolean constrained) {
        JobClient current = job.get();
        if (current == null) {
            return null;
        }
        JobSnapshot s;
        try {
            s = current.snapshot();
        } catch (RuntimeException e) {
            // The engine can fail to assemble a snapshot while tasks are being (re)deployed. Keep the last frame;
            // the next one will try again.
            snapshotErrors++;
            return null;
        }
        eventLog.record(s);
        eachSample.accept(s);
        for (JobSession.SampleListener listener : List.copyOf(sampleListeners)) {
            listener.sampled(s, nowNanos);
        }
        long interval = constrained ? Math.max(PUBLISH_NANOS, CONSTRAINED_PUBLISH_NANOS) : PUBLISH_NANOS;
        JobSnapshot published = snapshot.get();
        // A change of the job's status (it ended, it restarts) reaches the panels at once, as the strip shows it.
        if (nowNanos - lastPublishedNanos >= interval || published == null || published.status() != s.status()) {
            publish(s, nowNanos);
        }
        return s;
    }

    /** As {@link JobSession#refresh()}. */
    void refresh() {
        long now = System.nanoTime();
        JobSnapshot s = sample(now, false);
        if (s != null && snapshot.get() != s) {
            publish(s, now);
        }
    }

    /** The panels show nothing until the next sample, which they get at once (a new job, or none). */
    void restart() {
        snapshot.set(null);
        lastPublishedNanos = Long.MIN_VALUE / 2;
    }

    private void publish(JobSnapshot s, long nowNanos) {
        lastPublishedNanos = nowNanos;
        snapshot.set(s);
    }
}
