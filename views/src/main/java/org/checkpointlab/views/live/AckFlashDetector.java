package org.checkpointlab.views.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;

/**
 * Finds the acknowledgements that are new since the last look: a subtask acknowledges checkpoint n when its
 * {@link SubtaskCheckpointStats} for n appears in the checkpoint history with an ack time. The view flashes the
 * subtask's box once per new ack. A checkpoint that completed or failed is read one last time and then skipped,
 * so the work per frame does not grow with the history. Acks of checkpoints that left the history are
 * forgotten. FX thread only.
 */
public final class AckFlashDetector {
    /** One acknowledgement: subtask {@code subtask} (keyed by its chain head) acked {@code checkpointId}. */
    public record Ack(long checkpointId, SubtaskKey subtask) {
    }

    private final Map<Long, Set<SubtaskKey>> seen = new HashMap<>();
    /** Checkpoints already looked at after they completed or failed: no new ack can come for them. */
    private final Set<Long> settled = new HashSet<>();

    /** The acks in {@code history} not returned by an earlier call, in history order. */
    public List<Ack> newAcks(List<CheckpointStats> history) {
        List<Ack> fresh = new ArrayList<>();
        Set<Long> present = new HashSet<>();
        for (CheckpointStats checkpoint : history) {
            present.add(checkpoint.id());
            if (settled.contains(checkpoint.id())) {
                continue;
            }
            if (checkpoint.status() != CheckpointStatus.IN_PROGRESS) {
                settled.add(checkpoint.id());
            }
            Set<SubtaskKey> acked = seen.computeIfAbsent(checkpoint.id(), id -> new HashSet<>());
            for (SubtaskCheckpointStats subtask : checkpoint.subtasks()) {
                if (subtask.ackTimestamp() < 0) {
                    continue;
                }
                SubtaskKey key = new SubtaskKey(subtask.operatorId(), subtask.subtaskIndex());
                if (acked.add(key)) {
                    fresh.add(new Ack(checkpoint.id(), key));
                }
            }
        }
        seen.keySet().retainAll(present);
        settled.retainAll(present);
        for (Long id : settled) {
            seen.remove(id);
        }
        return fresh;
    }

    /** Forgets everything (a new job starts with checkpoint ids from 1 again). */
    public void reset() {
        seen.clear();
        settled.clear();
    }
}
