package org.checkpointlab.flink.rest;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.EdgeSpec;

/** Totals of a watched Flink job, and the savepoints it wrote, in the model's records. */
final class RestSummaries {
    private RestSummaries() {
    }

    /**
     * The job's totals: records out of its source vertices (those without inputs in the plan), Flink's counts of
     * completed and failed checkpoints, every checkpoint seen, restarts, the latest failure of a failed job. Per
     * operator and per sink figures are the local engine's: empty here.
     */
    static JobSummary summary(RestObservation o) {
        JobSnapshot s = o.snapshot();
        Set<String> withInputs = o.pipeline().edges().stream().map(EdgeSpec::to).collect(Collectors.toSet());
        long sourceRecords = o.vertices().stream().filter(v -> !withInputs.contains(v.id()))
                .mapToLong(RestJobParser.Vertex::recordsOut).sum();
        long millis = Math.max(0, o.durationMillis());
        List<CheckpointStats> checkpoints = s.checkpoints();
        int completed = o.completedCheckpoints() >= 0 ? (int) o.completedCheckpoints()
                : (int) checkpoints.stream().filter(c -> c.status() == CheckpointStatus.COMPLETED).count();
        int failed = o.failedCheckpoints() >= 0 ? (int) o.failedCheckpoints()
                : (int) checkpoints.stream().filter(c -> c.status() == CheckpointStatus.FAILED).count();
        String cause = s.status() == JobStatus.FAILED && !s.failures().isEmpty()
                ? s.failures().get(s.failures().size() - 1).message() : null;
        return new JobSummary(s.status(), millis, sourceRecords, millis == 0 ? 0 : sourceRecords * 1000.0 / millis,
                List.of(), completed, failed, checkpoints, s.attempt(), List.of(), cause);
    }

    /**
     * The savepoint at {@code location} with its id and size, once the job's statistics show it as the latest
     * savepoint; null until then.
     */
    static SavepointResult savepoint(FlinkRestApi api, String jobId, String location, long durationMillis)
            throws FlinkRestException, InterruptedException {
        JsonObject latest = RestJson.getObject(api.getObject("/jobs/" + jobId + "/checkpoints"), "latest");
        JsonObject savepoint = RestJson.getObject(latest, "savepoint");
        if (savepoint == null || location == null || !location.equals(RestJson.getString(savepoint, "external_path"))) {
            return null;
        }
        return new SavepointResult(RestTriggers.location(location), RestJson.getLong(savepoint, "id", -1),
                RestJson.getLong(savepoint, "checkpointed_size", RestJson.getLong(savepoint, "state_size", 0)),
                durationMillis);
    }
}
