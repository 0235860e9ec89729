package org.checkpointlab.views.session;

import java.time.Duration;
import java.util.concurrent.Executor;
import org.checkpointlab.model.client.JobClient;

/**
 * Waits, off the FX thread, for a cancelled job to end (its threads to stop), so that the window never blocks on
 * the engine. In the app each wait runs on a daemon thread of its own; tests give an executor.
 */
final class JobEndWait {
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    private final Executor background;

    JobEndWait(Executor background) {
        this.background = background;
    }

    /** Waits on daemon threads, one a wait. */
    static JobEndWait onDaemonThreads() {
        return new JobEndWait(task -> {
            Thread t = new Thread(task, "job-session-wait");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Waits for {@code cancelled} to end, for at most 30 s. */
    void awaitEnd(JobClient cancelled) {
        background.execute(() -> {
            try {
                cancelled.awaitTermination(AT_MOST);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
