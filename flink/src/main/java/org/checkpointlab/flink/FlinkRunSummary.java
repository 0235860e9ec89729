package org.checkpointlab.flink;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.OperatorSummary;
import org.checkpointlab.model.job.SinkSummary;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.OperatorSpec;

/**
 * The engine's {@link JobSummary} of an ended Flink run: Flink's checkpoint statistics, duration and exception
 * history from its REST API, record counts and sink outputs from the run's {@link RunRegistry}.
 */
final class FlinkRunSummary {
    private FlinkRunSummary() {
    }

    static JobSummary of(FlinkRun run, RunRegistry registry, FlinkRestClient rest, long submittedMillis)
            throws InterruptedException {
        JobStatus status = run.status();
        String jobId = run.jobId().toHexString();
        List<CheckpointStats> checkpoints = List.of();
        long durationMillis = System.currentTimeMillis() - submittedMillis;
        int exceptions = 0;
        try {
            checkpoints = FlinkCheckpointStats.read(rest, jobId);
            durationMillis = processingMillis(rest.get("/jobs/" + jobId), registry, durationMillis);
            exceptions = exceptionCount(rest, jobId);
        } catch (IOException e) {
            // The REST API did not answer: the summary goes without Flink's statistics.
        }
        List<OperatorSummary> operators = new ArrayList<>();
        for (OperatorSpec op : run.pipeline().operators()) {
            operators.add(new OperatorSummary(op.id(), op.kind(), op.parallelism(),
                    FlinkRun.isSource(op) ? 0 : registry.recordsIn(op.id()).sum(), registry.recordsOut(op.id()).sum()));
        }
        List<SinkSummary> sinks = new ArrayList<>();
        run.sinkOutputs().forEach((id, out) -> sinks.add(new SinkSummary(id,
                run.pipeline().operator(id).map(OperatorSpec::kind).orElse("?"), out.count(), out.digest())));
        long records = run.sourceRecords();
        // Every failure Flink recovered from is one entry of its exception history; a FAILED job's last is final.
        int restarts = Math.max(0, exceptions - (status == JobStatus.FAILED ? 1 : 0));
        int completed = (int) checkpoints.stream().filter(c -> c.status() == CheckpointStatus.COMPLETED).count();
        int failed = (int) checkpoints.stream().filter(c -> c.status() == CheckpointStatus.FAILED).count();
        return new JobSummary(status, durationMillis, records,
                durationMillis > 0 ? records * 1000.0 / durationMillis : 0, operators, completed, failed,
                checkpoints, restarts, sinks, run.failureCause());
    }

    /**
     * From the moment the first source subtask started reading to the job's end: the time the local engine counts
     * too (Flink's own duration also holds scheduling and deploying the tasks).
     */
    private static long processingMillis(JsonObject job, RunRegistry registry, long fallback) {
        long end = FlinkRestClient.getLong(job, "end-time", -1);
        long started = registry.sourcesStartedMillis();
        if (end > 0 && started > 0 && end >= started) {
            return end - started;
        }
        return FlinkRestClient.getLong(job, "duration", fallback);
    }

    private static int exceptionCount(FlinkRestClient rest, String jobId) throws IOException, InterruptedException {
        JsonObject history = FlinkRestClient.getObject(rest.get("/jobs/" + jobId + "/exceptions?maxExceptions=1000"),
                "exceptionHistory");
        JsonElement entries = history == null ? null : history.get("entries");
        return entries != null && entries.isJsonArray() ? entries.getAsJsonArray().size() : 0;
    }
}
