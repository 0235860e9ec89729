package org.checkpointlab.views.live;

import java.util.Objects;

/**
 * Names one subtask of one operator: {@code operatorId} and its index. For a chain of operators the engine reports
 * a subtask under its chain head; the live view keys it under every operator of the chain.
 */
public record SubtaskKey(String operatorId, int subtaskIndex) {
    public SubtaskKey {
        Objects.requireNonNull(operatorId, "operatorId");
        if (subtaskIndex < 0) {
            throw new IllegalArgumentException("subtask index must not be negative, was " + subtaskIndex);
        }
    }

    @Override
    public String toString() {
        return operatorId + " #" + subtaskIndex;
    }
}
