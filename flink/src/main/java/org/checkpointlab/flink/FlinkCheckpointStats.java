package org.checkpointlab.flink;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;

/**
 * A Flink job's checkpoint history, read from its REST API, as the engine's {@link CheckpointStats}: end to end,
 * sizes and in-flight data per checkpoint, and the largest sync, async, alignment and start delay over the
 * subtasks of every vertex (Flink's per-vertex summaries).
 */
final class FlinkCheckpointStats {
    private FlinkCheckpointStats() {
    }

    static List<CheckpointStats> read(FlinkRestClient rest, String jobId) throws IOException, InterruptedException {
        JsonObject root = rest.get("/jobs/" + jobId + "/checkpoints");
        List<CheckpointStats> result = new ArrayList<>();
        if (root.get("history") == null || !root.get("history").isJsonArray()) {
            return result;
        }
        List<String> vertices = vertexIds(rest, jobId);
        for (JsonElement e : root.getAsJsonArray("history")) {
            JsonObject c = e.getAsJsonObject();
            long id = FlinkRestClient.getLong(c, "id", -1);
            long[] phases = phases(rest, jobId, id, vertices);
            String type = FlinkRestClient.getString(c, "checkpoint_type");
            result.add(new CheckpointStats(id, status(FlinkRestClient.getString(c, "status")),
                    Boolean.TRUE.equals(c.has("is_savepoint") && c.get("is_savepoint").getAsBoolean()),
                    FlinkRestClient.getLong(c, "trigger_timestamp", 0),
                    FlinkRestClient.getLong(c, "latest_ack_timestamp", 0),
                    (int) FlinkRestClient.getLong(c, "num_acknowledged_subtasks", 0),
                    (int) FlinkRestClient.getLong(c, "num_subtasks", 0),
                    FlinkRestClient.getLong(c, "end_to_end_duration", 0), phases[0], phases[1], phases[2],
                    phases[3], FlinkRestClient.getLong(c, "checkpointed_size", 0),
                    FlinkRestClient.getLong(c, "state_size", 0), FlinkRestClient.getLong(c, "processed_data", 0),
                    FlinkRestClient.getLong(c, "persisted_data", 0),
                    type != null && type.contains("UNALIGNED"), FlinkRestClient.getString(c, "failure_message"),
                    List.of()));
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

    /** [sync, async, alignment, start delay] maxima over every vertex's subtasks; 0 where Flink has none. */
    private static long[] phases(FlinkRestClient rest, String jobId, long checkpointId, List<String> vertices)
            throws InterruptedException {
        long[] max = new long[4];
        for (String vertex : vertices) {
            JsonObject summary;
            try {
                summary = FlinkRestClient.getObject(rest.get("/jobs/" + jobId + "/checkpoints/details/"
                        + checkpointId + "/subtasks/" + vertex), "summary");
            } catch (IOException e) {
                continue; // not acknowledged by this vertex, or out of the history: nothing to add
            }
            JsonObject duration = FlinkRestClient.getObject(summary, "checkpoint_duration");
            JsonObject alignment = FlinkRestClient.getObject(summary, "alignment");
            max[0] = Math.max(max[0], maxOf(FlinkRestClient.getObject(duration, "sync")));
            max[1] = Math.max(max[1], maxOf(FlinkRestClient.getObject(duration, "async")));
            max[2] = Math.max(max[2], maxOf(FlinkRestClient.getObject(alignment, "duration")));
            max[3] = Math.max(max[3], maxOf(FlinkRestClient.getObject(summary, "start_delay")));
        }
        return max;
    }

    private static long maxOf(JsonObject stat) {
        return Math.max(0, FlinkRestClient.getLong(stat, "max", 0));
    }

    private static CheckpointStatus status(String flink) {
        if ("COMPLETED".equals(flink)) {
            return CheckpointStatus.COMPLETED;
        }
        return "FAILED".equals(flink) ? CheckpointStatus.FAILED : CheckpointStatus.IN_PROGRESS;
    }
}
