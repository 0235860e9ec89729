package org.checkpointlab.flink.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * One poll of a job over Flink's REST API, as Flink's web UI polls: the job and its vertices, per vertex its
 * subtasks and back pressure, the checkpoint history (with per-subtask phases for every checkpoint that ended
 * since the last poll), the exception history, the restart count and the restores ({@link RestRestores}).
 * Checkpoints are kept here beyond Flink's {@code web.checkpoints.history}.
 *
 * <p>Threading: confined to the client's poller thread; it blocks on HTTP.
 */
final class RestJobPoller {
    private final FlinkRestApi api;
    private final String jobId;
    /** Every checkpoint seen, by id; terminal ones with their subtasks are not read again. */
    private final Map<Long, CheckpointStats> checkpoints = new TreeMap<>();
    private final RestRestores restores = new RestRestores();
    private JsonObject plan;
    private List<String> planVertexIds = List.of();

    RestJobPoller(FlinkRestApi api, String jobId) {
        this.api = api;
        this.jobId = jobId;
    }

    /** Reads everything once. A secondary endpoint that fails (back pressure, one checkpoint) leaves its data out. */
    RestObservation poll() throws FlinkRestException, InterruptedException {
        String job = "/jobs/" + jobId;
        JsonObject details = api.getObject(job);
        List<RestJobParser.Vertex> vertices = RestJobParser.vertices(details);
        List<String> ids = vertices.stream().map(RestJobParser.Vertex::id).toList();
        if (plan == null || !ids.equals(planVertexIds)) {
            plan = api.getObject(job + "/plan");
            planVertexIds = ids;
        }
        PipelineSpec pipeline = RestJobParser.pipeline(RestJson.getString(details, "name"), vertices, plan);
        List<SubtaskSnapshot> subtasks = new ArrayList<>();
        for (RestJobParser.Vertex v : vertices) {
            JsonObject vertex = api.getObject(job + "/vertices/" + v.id());
            subtasks.addAll(RestJobParser.withPoolUsage(RestJobParser.subtasks(v, vertex,
                    optional(job + "/vertices/" + v.id() + "/backpressure")), poolUsage(job, v)));
        }
        JsonObject history = api.getObject(job + "/checkpoints");
        readCheckpoints(history, ids);
        JsonObject exceptions = optional(job + "/exceptions?maxExceptions=100");
        List<FailureEvent> failures = RestJobParser.failures(exceptions, vertices);
        int restarts = RestJobParser.restarts(optionalElement(job + "/metrics?get=numRestarts"));
        JobStatus status = RestJobParser.jobStatus(details);
        restores.observe(history, restarts, status, failures, System.currentTimeMillis());
        subtasks = RestCheckpoints.withStateAndRestore(subtasks, checkpoints.values(), restores.restoredId());
        JobSnapshot snapshot = new JobSnapshot(System.nanoTime(), status, restarts, subtasks, List.of(),
                List.copyOf(checkpoints.values()), failures, restores.restarts(), -1, false, 1.0,
                restores.startSavepointId());
        return new RestObservation(snapshot, pipeline, vertices, RestJson.getLong(details, "start-time", 0),
                RestJson.getLong(details, "duration", 0), RestCheckpoints.completedCount(history),
                RestCheckpoints.failedCount(history), System.currentTimeMillis(), null, false);
    }

    private void readCheckpoints(JsonObject history, List<String> vertexIds) throws InterruptedException {
        for (JsonObject entry : RestCheckpoints.history(history)) {
            long id = RestJson.getLong(entry, "id", -1);
            CheckpointStats known = checkpoints.get(id);
            if (id < 0 || (known != null && known.status() != CheckpointStatus.IN_PROGRESS)) {
                continue;
            }
            boolean ended = RestCheckpoints.status(entry) != CheckpointStatus.IN_PROGRESS;
            checkpoints.put(id, RestCheckpoints.checkpoint(entry, ended ? subtaskAnswers(id, vertexIds) : List.of()));
        }
    }

    /** Every vertex's per-subtask answer for checkpoint {@code id}; a vertex Flink has none for is left out. */
    List<RestCheckpoints.VertexAnswer> subtaskAnswers(long id, List<String> vertexIds) throws InterruptedException {
        List<RestCheckpoints.VertexAnswer> answers = new ArrayList<>();
        for (String vertex : vertexIds) {
            JsonObject answer = optional("/jobs/" + jobId + "/checkpoints/details/" + id + "/subtasks/" + vertex);
            if (answer != null) {
                answers.add(new RestCheckpoints.VertexAnswer(vertex, answer));
            }
        }
        return answers;
    }

    /** The input and output pool usage of every subtask of {@code v} ({@code /vertices/:vid/metrics}). */
    private List<JsonElement> poolUsage(String job, RestJobParser.Vertex v) throws InterruptedException {
        List<JsonElement> answers = new ArrayList<>();
        for (int from = 0; from < v.parallelism(); from += RestJobParser.POOL_USAGE_BATCH) {
            int to = Math.min(v.parallelism(), from + RestJobParser.POOL_USAGE_BATCH);
            answers.add(optionalElement(job + "/vertices/" + v.id() + "/metrics?get="
                    + RestJobParser.poolUsageQuery(from, to)));
        }
        return answers;
    }

    private JsonObject optional(String path) throws InterruptedException {
        JsonElement e = optionalElement(path);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private JsonElement optionalElement(String path) throws InterruptedException {
        try {
            return api.get(path);
        } catch (FlinkRestException e) {
            return null;
        }
    }
}
