package org.checkpointlab.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.SinkSummary;
import org.checkpointlab.model.observe.JobStatus;

/**
 * The figures {@code compare} puts side by side for one run on one engine: throughput, the medians of its completed
 * checkpoints' phases and persisted in-flight data, and each sink's committed count and digest.
 *
 * @param status  how the run ended
 * @param figures figure name -> value, in display order (NaN when the run has no checkpoint)
 * @param sinks   per sink id, its committed output
 */
record EngineRunFigures(JobStatus status, Map<String, Double> figures, Map<String, SinkSummary> sinks) {
    static final String THROUGHPUT = "throughput (records/s)";
    static final List<String> NAMES = List.of(THROUGHPUT, "checkpoint end-to-end (ms)", "checkpoint sync (ms)",
            "checkpoint async (ms)", "checkpoint alignment (ms)", "checkpoint start delay (ms)",
            "persisted in-flight data (bytes)", "completed checkpoints");

    static EngineRunFigures of(JobSummary s) {
        List<CheckpointStats> done = s.checkpoints().stream()
                .filter(c -> c.status() == CheckpointStatus.COMPLETED && !c.savepoint()).toList();
        Map<String, Double> f = new LinkedHashMap<>();
        f.put(NAMES.get(0), s.throughputPerSecond());
        f.put(NAMES.get(1), median(done, CheckpointStats::endToEndMillis));
        f.put(NAMES.get(2), median(done, CheckpointStats::syncMillis));
        f.put(NAMES.get(3), median(done, CheckpointStats::asyncMillis));
        f.put(NAMES.get(4), median(done, CheckpointStats::alignmentMillis));
        f.put(NAMES.get(5), median(done, CheckpointStats::startDelayMillis));
        f.put(NAMES.get(6), median(done, CheckpointStats::persistedInFlight));
        f.put(NAMES.get(7), (double) s.completedCheckpoints());
        Map<String, SinkSummary> sinks = new LinkedHashMap<>();
        s.sinks().forEach(sink -> sinks.put(sink.id(), sink));
        return new EngineRunFigures(s.status(), f, sinks);
    }

    private static double median(List<CheckpointStats> checkpoints, ToLongFunction<CheckpointStats> figure) {
        List<Double> values = new ArrayList<>();
        checkpoints.forEach(c -> values.add((double) figure.applyAsLong(c)));
        return median(values);
    }

    /** The median of {@code values} (mean of the middle two for an even count); NaN for none. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Per figure, the median over {@code runs}. */
    static Map<String, Double> medians(List<EngineRunFigures> runs) {
        Map<String, Double> result = new LinkedHashMap<>();
        for (String name : NAMES) {
            result.put(name, median(runs.stream().map(r -> r.figures().get(name)).toList()));
        }
        return result;
    }
}
