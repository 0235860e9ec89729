package org.checkpointlab.views.checkpoints;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;

/**
 * One row of a checkpoint summary table: a metric (end to end, sync, async, alignment, start delay, sizes,
 * in-flight data) of one operator (or of all checkpoints) with its {@link SummaryStatistics}.
 *
 * @param scope  the operator id, or "all checkpoints" for the history summary
 * @param metric which figure
 * @param bytes  whether the figure is a size (else a duration in ms)
 */
public record PhaseStatistics(String scope, String metric, boolean bytes, SummaryStatistics stats) {

    /** A figure of a subtask's checkpoint report. */
    public enum SubtaskMetric {
        END_TO_END("End to end", false, SubtaskCheckpointStats::endToEndMillis),
        START_DELAY("Start delay", false, SubtaskCheckpointStats::startDelayMillis),
        ALIGNMENT("Alignment", false, SubtaskCheckpointStats::alignmentMillis),
        SYNC("Sync", false, SubtaskCheckpointStats::syncMillis),
        ASYNC("Async", false, SubtaskCheckpointStats::asyncMillis),
        CHECKPOINTED_SIZE("Checkpointed size", true, SubtaskCheckpointStats::checkpointedSize),
        FULL_SIZE("Full size", true, SubtaskCheckpointStats::fullSize),
        PROCESSED_IN_FLIGHT("Processed in-flight", true, SubtaskCheckpointStats::processedInFlight),
        PERSISTED_IN_FLIGHT("Persisted in-flight", true, SubtaskCheckpointStats::persistedInFlight);

        final String label;
        final boolean bytes;
        final ToLongFunction<SubtaskCheckpointStats> value;

        SubtaskMetric(String label, boolean bytes, ToLongFunction<SubtaskCheckpointStats> value) {
            this.label = label;
            this.bytes = bytes;
            this.value = value;
        }
    }

    /**
     * Per operator (chain head) of {@code checkpoint}: every {@link SubtaskMetric} over its acknowledged subtasks,
     * operators in the order their subtasks are listed.
     */
    public static List<PhaseStatistics> byOperator(CheckpointStats checkpoint) {
        Map<String, List<SubtaskCheckpointStats>> byOperator = new LinkedHashMap<>();
        for (SubtaskCheckpointStats s : checkpoint.subtasks()) {
            byOperator.computeIfAbsent(s.operatorId(), k -> new ArrayList<>()).add(s);
        }
        List<PhaseStatistics> rows = new ArrayList<>();
        for (Map.Entry<String, List<SubtaskCheckpointStats>> e : byOperator.entrySet()) {
            List<SubtaskCheckpointStats> acked = e.getValue().stream().filter(s -> s.ackTimestamp() > 0).toList();
            for (SubtaskMetric m : SubtaskMetric.values()) {
                rows.add(new PhaseStatistics(e.getKey(), m.label, m.bytes,
                        SummaryStatistics.of(acked.stream().mapToLong(m.value).toArray())));
            }
        }
        return rows;
    }

    /** Flink's history summary: end to end, sizes and in-flight data over every completed checkpoint. */
    public static List<PhaseStatistics> overCompleted(List<CheckpointStats> history) {
        List<CheckpointStats> done = history.stream()
                .filter(c -> c.status() == org.checkpointlab.model.checkpoint.CheckpointStatus.COMPLETED).toList();
        String scope = "completed checkpoints";
        return List.of(
                new PhaseStatistics(scope, "End to end", false,
                        SummaryStatistics.of(done.stream().mapToLong(CheckpointStats::endToEndMillis).toArray())),
                new PhaseStatistics(scope, "Checkpointed size", true,
                        SummaryStatistics.of(done.stream().mapToLong(CheckpointStats::checkpointedSize).toArray())),
                new PhaseStatistics(scope, "Full size", true,
                        SummaryStatistics.of(done.stream().mapToLong(CheckpointStats::fullSize).toArray())),
                new PhaseStatistics(scope, "Processed in-flight", true,
                        SummaryStatistics.of(done.stream().mapToLong(CheckpointStats::processedInFlight).toArray())),
                new PhaseStatistics(scope, "Persisted in-flight", true,
                        SummaryStatistics.of(done.stream().mapToLong(CheckpointStats::persistedInFlight).toArray())));
    }

    /** A figure of these statistics as text in the metric's unit. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return bytes ? org.checkpointlab.views.session.Units.bytes(value)
                : org.checkpointlab.views.session.Units.millis(Math.round(value * 10) / 10.0);
    }
}
