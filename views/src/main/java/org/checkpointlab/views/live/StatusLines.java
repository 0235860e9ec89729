package org.checkpointlab.views.live;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.observe.JobSnapshot;

/**
 * The status strip's lines from each frame's snapshot: the job line (status, attempt, restart countdown, records
 * per second), the checkpoint in progress, checkpoint news for the announcement, and the recovery line. FX thread
 * only.
 */
final class StatusLines {
    /** How often the records-per-second figure is recomputed. */
    static final long THROUGHPUT_PERIOD_NANOS = 500_000_000L;

    private final LongSupplier wallClock;
    private final CheckpointProgress progress = new CheckpointProgress();
    private final SourceRate sourceRate = new SourceRate();
    private long lastThroughputNanos;
    private double throughput;

    /** @param wallClock epoch ms now, for the restart countdown */
    StatusLines(LongSupplier wallClock) {
        this.wallClock = wallClock;
    }

    /** Starts over for {@code next} ({@code null}: no job). */
    void reset(JobClient next) {
        progress.reset();
        throughput = 0;
        lastThroughputNanos = 0;
        sourceRate.reset(next == null ? null : next.pipeline());
    }

    /** "RUNNING, attempt 2, 41,200 records/s": the sources' rate now while it runs, the average once it ended. */
    String jobLine(JobClient job, JobSnapshot s, long nowNanos) {
        if (nowNanos - lastThroughputNanos >= THROUGHPUT_PERIOD_NANOS || s.status().isTerminal()) {
            // while it runs, the sources' rate now, as the throughput chart draws it; once ended, the average
            throughput = s.status().isTerminal() ? job.summary().throughputPerSecond() : sourceRate.update(s);
            lastThroughputNanos = nowNanos;
        }
        return LiveTexts.jobLine(s, throughput, wallClock.getAsLong());
    }

    /** The checkpoint in progress, or the last one's outcome. */
    String checkpointLine(JobSnapshot s) {
        return CheckpointProgress.current(s.checkpoints());
    }

    /** The newest thing that happened to checkpoints since the last frame, if anything did. */
    Optional<String> checkpointNews(JobSnapshot s) {
        List<String> news = progress.announcements(s.checkpoints());
        return news.isEmpty() ? Optional.empty() : Optional.of(news.get(news.size() - 1));
    }

    /** Failures and recoveries: the latest, with the restart countdown. */
    String recoveryLine(JobSnapshot s) {
        return LiveTexts.recoveryLine(s, wallClock.getAsLong());
    }
}
