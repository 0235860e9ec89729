package org.checkpointlab.model.job;

import java.util.List;

import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.observe.JobStatus;

/**
 * The outcome of a run, for the command line's {@code --json} and for tests.
 *
 * @param status               final (or current) job status
 * @param processingMillis     wall-clock time from start to end of processing
 * @param sourceRecords        records emitted by all sources
 * @param throughputPerSecond  source records per second of processing time
 * @param operators            per-operator record counts
 * @param completedCheckpoints number of completed checkpoints
 * @param failedCheckpoints    number of failed checkpoints
 * @param checkpoints          every checkpoint's statistics, in id order
 * @param restarts             number of restarts after failures
 * @param sinks                per-sink committed output
 * @param failureCause         why the job failed, or {@code null}
 */
public record JobSummary(JobStatus status, long processingMillis, long sourceRecords, double throughputPerSecond,
                         List<OperatorSummary> operators, int completedCheckpoints, int failedCheckpoints,
                         List<CheckpointStats> checkpoints, int restarts, List<SinkSummary> sinks,
                         String failureCause) {
    public JobSummary {
        operators = List.copyOf(operators);
        checkpoints = List.copyOf(checkpoints);
        sinks = List.copyOf(sinks);
    }
}
