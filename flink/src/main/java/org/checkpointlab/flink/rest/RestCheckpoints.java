package org.checkpointlab.flink.rest;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.observe.SubtaskSnapshot;

/**
 * Flink's checkpoint statistics ({@code /jobs/:jid/checkpoints}, {@code /checkpoints/details/:id} and
 * {@code /checkpoints/details/:id/subtasks/:vid}) as the engine-neutral {@link CheckpointStats}. Pure functions of
 * the JSON; lenient to fields that differ between Flink versions.
 */
public final class RestCheckpoints {
    private RestCheckpoints() {
    }

    /** The entries of the {@code history} array of {@code /jobs/:jid/checkpoints}, newest first as Flink lists. */
    public static List<JsonObject> history(JsonObject checkpoints) {
        return RestJson.objects(checkpoints, "history");
    }

    /** Flink's count of completed checkpoints ({@code counts.completed}), or -1. */
    public static long completedCount(JsonObject checkpoints) {
        return RestJson.getLong(RestJson.getObject(checkpoints, "counts"), "completed", -1);
    }

    /** Flink's count of failed checkpoints ({@code counts.failed}), or -1. */
    public static long failedCount(JsonObject checkpoints) {
        return RestJson.getLong(RestJson.getObject(checkpoints, "counts"), "failed", -1);
    }

    public static CheckpointStatus status(JsonObject entry) {
        String s = RestJson.getString(entry, "status");
        if (s == null) {
            return CheckpointStatus.IN_PROGRESS;
        }
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "COMPLETED" -> CheckpointStatus.COMPLETED;
            case "FAILED" -> CheckpointStatus.FAILED;
            default -> CheckpointStatus.IN_PROGRESS;
        };
    }

    /**
     * One checkpoint from its history entry (or its {@code details} answer, which has the same fields) and the
     * per-subtask answers of its vertices ({@code subtasksByVertex}: vertex id, answer; may be empty). The phase
     * figures are the maxima over the subtasks, as the model defines them.
     */
    public static CheckpointStats checkpoint(JsonObject entry, List<VertexAnswer> subtasksByVertex) {
        List<SubtaskCheckpointStats> subtasks = new ArrayList<>();
        for (VertexAnswer v : subtasksByVertex) {
            subtasks.addAll(subtasks(v.vertexId(), v.answer()));
        }
        long sync = 0;
        long async = 0;
        long alignment = 0;
        long startDelay = 0;
        boolean unalignedSubtask = false;
        for (SubtaskCheckpointStats s : subtasks) {
            sync = Math.max(sync, s.syncMillis());
            async = Math.max(async, s.asyncMillis());
            alignment = Math.max(alignment, s.alignmentMillis());
            startDelay = Math.max(startDelay, s.startDelayMillis());
            unalignedSubtask |= s.unaligned();
        }
        String type = RestJson.getString(entry, "checkpoint_type");
        boolean savepoint = RestJson.getBoolean(entry, "is_savepoint")
                || (type != null && type.toUpperCase(Locale.ROOT).contains("SAVEPOINT"));
        boolean unaligned = unalignedSubtask || (type != null && type.toUpperCase(Locale.ROOT).contains("UNALIGNED"));
        long trigger = RestJson.getLong(entry, "trigger_timestamp", 0);
        long latestAck = RestJson.getLong(entry, "latest_ack_timestamp", 0);
        long endToEnd = RestJson.getLong(entry, "end_to_end_duration", latestAck > 0 ? latestAck - trigger : 0);
        return new CheckpointStats(RestJson.getLong(entry, "id", -1), status(entry), savepoint, trigger,
                latestAck, (int) RestJson.getLong(entry, "num_acknowledged_subtasks", 0),
                (int) RestJson.getLong(entry, "num_subtasks", 0), endToEnd, sync, async, alignment, startDelay,
                RestJson.getLong(entry, "checkpointed_size", RestJson.getLong(entry, "state_size", 0)),
                RestJson.getLong(entry, "state_size", 0), RestJson.getLong(entry, "processed_data", 0),
                RestJson.getLong(entry, "persisted_data", 0), unaligned,
                org.checkpointlab.model.checkpoint.CheckpointFailure.other(RestJson.getString(entry, "failure_message")),
                subtasks);
    }

    /** A vertex's answer to {@code /checkpoints/details/:id/subtasks/:vid}. */
    public record VertexAnswer(String vertexId, JsonObject answer) {
    }

    /** The subtasks of one vertex that reported (pending subtasks have no figures: they are left out). */
    public static List<SubtaskCheckpointStats> subtasks(String vertexId, JsonObject answer) {
        List<SubtaskCheckpointStats> result = new ArrayList<>();
        for (JsonObject s : RestJson.objects(answer, "subtasks")) {
            long ack = RestJson.getLong(s, "ack_timestamp", -1);
            String status = RestJson.getString(s, "status");
            if (ack < 0 || "pending_or_failed".equalsIgnoreCase(status)) {
                continue;
            }
            JsonObject checkpoint = RestJson.getObject(s, "checkpoint");
            JsonObject alignment = RestJson.getObject(s, "alignment");
            result.add(new SubtaskCheckpointStats(vertexId, (int) RestJson.getLong(s, "index", result.size()), ack,
                    RestJson.getLong(s, "end_to_end_duration", -1),
                    RestJson.getLong(checkpoint, "sync", -1), RestJson.getLong(checkpoint, "async", -1),
                    RestJson.getLong(alignment, "duration", 0), RestJson.getLong(s, "start_delay", 0),
                    RestJson.getLong(s, "checkpointed_size", RestJson.getLong(s, "state_size", 0)),
                    RestJson.getLong(s, "state_size", 0), RestJson.getLong(alignment, "processed", 0),
                    RestJson.getLong(alignment, "persisted", 0), RestJson.getBoolean(s, "unaligned_checkpoint")));
        }
        return result;
    }

    /**
     * The subtasks with the state Flink last checkpointed for each (its full size in the newest completed checkpoint
     * that reported the subtask: Flink has no live state size) and the checkpoint their attempt restored.
     */
    public static List<SubtaskSnapshot> withStateAndRestore(List<SubtaskSnapshot> subtasks,
                                                            Collection<CheckpointStats> checkpoints,
                                                            long restoredId) {
        CheckpointStats newest = checkpoints.stream().filter(c -> c.status() == CheckpointStatus.COMPLETED
                && !c.subtasks().isEmpty()).max(Comparator.comparingLong(CheckpointStats::id)).orElse(null);
        List<SubtaskSnapshot> result = new ArrayList<>(subtasks.size());
        for (SubtaskSnapshot s : subtasks) {
            long state = newest == null ? s.stateSizeBytes() : newest.subtasks().stream()
                    .filter(c -> s.operatorIds().contains(c.operatorId()) && c.subtaskIndex() == s.subtaskIndex())
                    .mapToLong(SubtaskCheckpointStats::fullSize).findFirst().orElse(s.stateSizeBytes());
            result.add(s.withStateAndRestore(state, restoredId));
        }
        return result;
    }
}
