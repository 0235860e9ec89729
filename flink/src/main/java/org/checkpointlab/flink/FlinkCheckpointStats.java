package org.checkpointlab.flink;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.checkpointlab.flink.rest.RestCheckpoints;
import org.checkpointlab.model.checkpoint.CheckpointStats;

/**
 * A Flink job's checkpoint history, read from its REST API, as the engine's {@link CheckpointStats} (mapped by
 * {@link RestCheckpoints}): end to end, sizes and in-flight data per checkpoint, every subtask's phases and their
 * maxima.
 */
final class FlinkCheckpointStats {
    private FlinkCheckpointStats() {
    }

    static List<CheckpointStats> read(FlinkRestClient rest, String jobId) throws IOException, InterruptedException {
        JsonObject root = rest.get("/jobs/" + jobId + "/checkpoints");
        List<CheckpointStats> result = new ArrayList<>();
        List<String> vertices = vertexIds(rest, jobId);
        for (JsonObject entry : RestCheckpoints.history(root)) {
            long id = FlinkRestClient.getLong(entry, "id", -1);
            result.add(RestCheckpoints.checkpoint(entry, subtasks(rest, jobId, id, vertices)));
        }
        result.sort(Comparator.comparingLong(CheckpointStats::id));
        return result;
    }

    private static List<String> vertexIds(FlinkRestClient rest, String jobId) throws IOException,
            InterruptedException {
        List<String> ids = new ArrayList<>();
        JsonObject job = rest.get("/jobs/" + jobId);
        if (job.get("vertices") != null && job.get("vertices").isJsonArray()) {
            for (JsonElement v : job.getAsJsonArray("vertices")) {
                ids.add(FlinkRestClient.getString(v.getAsJsonObject(), "id"));
            }
        }
        return ids;
    }

    /** Every vertex's per-subtask figures of one checkpoint; a vertex Flink has none for is left out. */
    private static List<RestCheckpoints.VertexAnswer> subtasks(FlinkRestClient rest, String jobId, long checkpointId,
                                                               List<String> vertices) throws InterruptedException {
        List<RestCheckpoints.VertexAnswer> answers = new ArrayList<>();
        for (String vertex : vertices) {
            try {
                answers.add(new RestCheckpoints.VertexAnswer(vertex, rest.get("/jobs/" + jobId
                        + "/checkpoints/details/" + checkpointId + "/subtasks/" + vertex)));
            } catch (IOException e) {
                // not acknowledged by this vertex, or out of the history: nothing to add
            }
        }
        return answers;
    }
}
