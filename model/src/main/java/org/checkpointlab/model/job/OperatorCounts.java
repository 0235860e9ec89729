package org.checkpointlab.model.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Record counts per operator over the job's attempts: {records in, records out}, those of ended attempts plus the
 * running one's, so totals span restarts. Any thread; a deployment is swapped under this object's lock.
 */
final class OperatorCounts {
    private final Map<String, long[]> ofEndedAttempts = new LinkedHashMap<>();

    /** Keeps the counts of an attempt that ends. Before its replacement is deployed. */
    synchronized void carry(Map<String, long[]> ended) {
        for (Map.Entry<String, long[]> e : ended.entrySet()) {
            long[] sum = ofEndedAttempts.computeIfAbsent(e.getKey(), k -> new long[2]);
            sum[0] += e.getValue()[0];
            sum[1] += e.getValue()[1];
        }
    }

    /** Runs {@code swap} (a new deployment, or a region's replacement) so that no total is read half way. */
    synchronized void swapAttempt(Runnable swap) {
        swap.run();
    }

    /** The totals: ended attempts plus what {@code current} (the running attempt) counted. */
    synchronized Map<String, long[]> totals(Supplier<Map<String, long[]>> current) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : current.get().entrySet()) {
            long[] earlier = ofEndedAttempts.getOrDefault(e.getKey(), new long[2]);
            counts.put(e.getKey(), new long[] {e.getValue()[0] + earlier[0], e.getValue()[1] + earlier[1]});
        }
        return counts;
    }
}
