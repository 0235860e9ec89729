package org.checkpointlab.model.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.checkpointlab.model.checkpoint.CheckpointCoordinator;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.runtime.SinkOutput;

/**
 * Sums a job up in a {@link JobSummary}: records in and out per operator over every attempt, the records the
 * sources emitted and their rate, the checkpoint counts and history, restarts and each sink's committed output.
 */
final class JobTotals {
    private JobTotals() {
    }

    /** The totals of the job {@code scheduler} runs, so far (or final, once terminated). Any thread. */
    static JobSummary summary(PipelineSpec pipeline, JobScheduler scheduler, CheckpointCoordinator coordinator) {
        Map<String, long[]> counts = scheduler.counts().totals(() -> scheduler.deployment().operatorCounts());
        List<OperatorSummary> operators = new ArrayList<>();
        long sourceRecords = 0;
        for (OperatorSpec op : pipeline.operators()) {
            long[] c = counts.getOrDefault(op.id(), new long[2]);
            operators.add(new OperatorSummary(op.id(), op.kind(), op.parallelism(), c[0], c[1]));
            if (pipeline.inputsOf(op.id()).isEmpty()) {
                sourceRecords += c[1];
            }
        }
        long millis = scheduler.durationMillis();
        List<org.checkpointlab.model.checkpoint.CheckpointStats> history = coordinator.history();
        int completed = coordinator.completedCount();
        int failed = coordinator.failedCount();
        List<SinkSummary> sinks = new ArrayList<>();
        for (Map.Entry<String, SinkOutput> e : scheduler.sinkStore().outputs().entrySet()) {
            String kind = pipeline.operator(e.getKey()).map(OperatorSpec::kind).orElse("sink");
            sinks.add(new SinkSummary(e.getKey(), kind, e.getValue().count(), e.getValue().digest()));
        }
        return new JobSummary(scheduler.status(), millis, sourceRecords, sourceRecords * 1000.0 / millis, operators,
                completed, failed, history, scheduler.restarts(), sinks, scheduler.failureCause());
    }
}
