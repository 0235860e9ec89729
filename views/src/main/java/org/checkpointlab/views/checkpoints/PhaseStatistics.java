package org.checkpointlab.views.checkpoints;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.views.i18n.Texts;

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
        END_TO_END("metric.endToEnd", false, SubtaskCheckpointStats::endToEndMillis),
        START_DELAY("metric.startDelay", false, SubtaskCheckpointStats::startDelayMillis),
        ALIGNMENT("metric.alignment", false, SubtaskCheckpointStats::alignmentMillis),
        SYNC("metric.sync", false, SubtaskCheckpointStats::syncMillis),
        ASYNC("metric.async", false, SubtaskCheckpointStats::asyncMillis),
        CHECKPOINTED_SIZE("metric.checkpointedSize", true, SubtaskCheckpointStats::checkpointedSize),
        FULL_SIZE("metric.fullSize", true, SubtaskCheckpointStats::fullSize),
        PROCESSED_IN_FLIGHT("metric.processedInFlight", true, SubtaskCheckpointStats::processedInFlight),
        PERSISTED_IN_FLIGHT("metric.persistedInFlight", true, SubtaskCheckpointStats::persistedInFlight);

        final String label;
        final boolean bytes;
        final ToLongFunction<SubtaskCheckpointStats> value;

        SubtaskMetric(String key, boolean bytes, ToLongFunction<SubtaskCheckpointStats> value) {
            this.label = Texts.get(key);
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
        String scope = Texts.get("metric.scope.completed");
        return List.of(
                new PhaseStatistics(scope, SubtaskMetric.END_TO_END.label, false,
                        SummaryStatistics.of(done.stream().mapToLong(CheckpointStats::endToEndMillis).toArray())),
                new PhaseStatistics(scope, SubtaskMetric.CHECKPOINTED_SIZE.label, true,
                        SummaryStatistics.of(done.stream().mapToLong(CheckpointStats::checkpointedSize).toArray())),
                new PhaseStatistics(scope, SubtaskMetric.FULL_SIZE.label, true,
                        SummaryStatistics.of(done.stream().mapToLong(CheckpointStats::fullSize).toArray())),
                new PhaseStatistics(scope, SubtaskMetric.PROCESSED_IN_FLIGHT.label, true,
                        SummaryStatistics.of(done.stream().mapToLong(CheckpointStats::processedInFlight).toArray())),
                new PhaseStatistics(scope, SubtaskMetric.PERSISTED_IN_FLIGHT.label, true,
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
