package org.checkpointlab.model.checkpoint;

import java.util.Map;

/**
 * A completed checkpoint (or savepoint): every subtask's state, by task key ({@code headOperator#subtask}).
 *
 * @param id        checkpoint id
 * @param timestamp completion time (epoch ms)
 * @param savepoint whether it is a savepoint
 * @param tasks     state per task key
 */
public record CompletedCheckpoint(long id, long timestamp, boolean savepoint, Map<String, TaskStateSnapshot> tasks) {
    public CompletedCheckpoint {
        tasks = Map.copyOf(tasks);
    }

    public long stateSize() {
        return tasks.values().stream().mapToLong(TaskStateSnapshot::stateSize).sum();
    }

    public void discard() {
        for (TaskStateSnapshot t : tasks.values()) {
            t.operators().forEach(OperatorSubtaskState::discard);
        }
    }
}
