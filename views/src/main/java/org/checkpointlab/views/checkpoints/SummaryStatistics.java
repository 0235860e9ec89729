package org.checkpointlab.views.checkpoints;

import java.util.Arrays;
import java.util.Collection;

/**
 * min / avg / max and p50 / p90 / p99 of a set of values, as the Flink web UI's checkpoint summaries show them.
 * Percentiles use the estimate Flink's histogram statistics use (Apache Commons Math's default): position
 * {@code p·(n+1)/100} in the sorted values, interpolated linearly between neighbours and clamped to min and max.
 *
 * @param count number of values (all figures are NaN when 0)
 */
public record SummaryStatistics(int count, double min, double avg, double max, double p50, double p90,
                                double p99) {

    /** The statistics of {@code values}; unknown values (negative, as the engine reports them) are left out. */
    public static SummaryStatistics of(Collection<Long> values) {
        return of(values.stream().mapToLong(Long::longValue).toArray());
    }

    /** The statistics of {@code values}; unknown values (negative) are left out. */
    public static SummaryStatistics of(long... values) {
        long[] known = Arrays.stream(values).filter(v -> v >= 0).sorted().toArray();
        int n = known.length;
        if (n == 0) {
            return new SummaryStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (long v : known) {
            sum += v;
        }
        return new SummaryStatistics(n, known[0], sum / n, known[n - 1], percentile(known, 50),
                percentile(known, 90), percentile(known, 99));
    }

    /** The {@code p}-th percentile (0 &lt; p ≤ 100) of ascending {@code sorted}, which must not be empty. */
    static double percentile(long[] sorted, double p) {
        int n = sorted.length;
        double pos = p * (n + 1) / 100.0;
        if (pos < 1) {
            return sorted[0];
        }
        if (pos >= n) {
            return sorted[n - 1];
        }
        int lower = (int) Math.floor(pos);
        double fraction = pos - lower;
        return sorted[lower - 1] + fraction * (sorted[lower] - sorted[lower - 1]);
    }
}
