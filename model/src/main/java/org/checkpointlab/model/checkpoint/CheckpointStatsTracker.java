package org.checkpointlab.model.checkpoint;

import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The statistics of a job's checkpoints (Flink's {@code CheckpointStatsTracker}): the latest of each, by id, and the
 * totals. Reported on the coordinator's timer thread; read from any thread through an immutable published copy.
 */
final class CheckpointStatsTracker {
    /** Checkpoints kept in {@link #history()}, newest; the totals ({@link #completedCount()}) count them all. */
    static final int HISTORY_LIMIT = 500;

    /** Timer thread only. */
    private final TreeMap<Long, CheckpointStats> stats = new TreeMap<>();
    private final AtomicReference<List<CheckpointStats>> history = new AtomicReference<>(List.of());
    private final AtomicInteger completedTotal = new AtomicInteger();
    private final AtomicInteger failedTotal = new AtomicInteger();

    /** A checkpoint's latest statistics (in progress, completed or failed). Timer thread. */
    void report(CheckpointStats s) {
        stats.put(s.id(), s);
        if (s.status() == CheckpointStatus.COMPLETED) {
            completedTotal.incrementAndGet();
        } else if (s.status() == CheckpointStatus.FAILED) {
            failedTotal.incrementAndGet();
        }
        while (stats.size() > HISTORY_LIMIT) {
            stats.remove(stats.firstKey());
        }
        history.set(List.copyOf(stats.values()));
    }

    /** The statistics of checkpoint {@code id}, or null (never triggered, or no longer kept). Timer thread. */
    CheckpointStats get(long id) {
        return stats.get(id);
    }

    /** Every kept checkpoint's statistics, oldest first. Any thread. */
    List<CheckpointStats> history() {
        return history.get();
    }

    /** Checkpoints and savepoints completed since the job started. Any thread. */
    int completedCount() {
        return completedTotal.get();
    }

    /** Checkpoints and savepoints failed since the job started. Any thread. */
    int failedCount() {
        return failedTotal.get();
    }
}
