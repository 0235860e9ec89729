package org.checkpointlab.app.cli;

import java.util.List;
import java.util.OptionalDouble;

import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.observe.JobStatus;

/**
 * What one benchmark run measured: throughput and the completed checkpoints' median end-to-end duration and
 * persisted in-flight data.
 *
 * @param status                  the job's final status (FINISHED, or CANCELED for the fixed-duration runs)
 * @param sourceRecords           records the sources emitted
 * @param millis                  processing time
 * @param throughputPerSecond     source records per second
 * @param completedCheckpoints    completed checkpoints
 * @param failedCheckpoints       failed checkpoints
 * @param medianEndToEndMillis    median end-to-end duration of the completed checkpoints (empty without any)
 * @param medianPersistedInFlight median persisted in-flight bytes of the completed checkpoints (empty without any)
 */
record RunMeasurement(JobStatus status, long sourceRecords, long millis, double throughputPerSecond,
                      int completedCheckpoints, int failedCheckpoints, OptionalDouble medianEndToEndMillis,
                      OptionalDouble medianPersistedInFlight) {

    /** Of two rounds of one run, the faster (noise on a shared machine only ever slows a run down). */
    static RunMeasurement faster(RunMeasurement best, RunMeasurement next) {
        return best == null || next.throughputPerSecond() > best.throughputPerSecond() ? next : best;
    }

    static RunMeasurement of(JobSummary s) {
        List<CheckpointStats> completed = s.checkpoints().stream()
                .filter(c -> c.status() == CheckpointStatus.COMPLETED && !c.savepoint())
                .toList();
        return new RunMeasurement(s.status(), s.sourceRecords(), s.processingMillis(), s.throughputPerSecond(),
                s.completedCheckpoints(), s.failedCheckpoints(),
                median(completed.stream().map(CheckpointStats::endToEndMillis).toList()),
                median(completed.stream().map(CheckpointStats::persistedInFlight).toList()));
    }

    /** The middle value (the mean of the two middle values for an even count); empty for no values. */
    static OptionalDouble median(List<Long> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return OptionalDouble.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
    }
}
