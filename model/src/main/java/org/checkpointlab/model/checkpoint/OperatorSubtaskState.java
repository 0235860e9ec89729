package org.checkpointlab.model.checkpoint;

import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.StateHandle;

/**
 * The state one operator's subtask wrote for one checkpoint.
 *
 * @param operatorId    the operator's stable id (uid)
 * @param subtaskIndex  the subtask that wrote it
 * @param parallelism   the operator's parallelism when it was written
 * @param keyGroupRange the key groups it covers (empty for non-keyed operators)
 * @param keyedState    key-group state, or {@code null} for non-keyed operators
 * @param operatorState operator (list and union) state
 */
public record OperatorSubtaskState(String operatorId, int subtaskIndex, int parallelism, KeyGroupRange keyGroupRange,
                                   StateHandle keyedState, StateHandle operatorState) {

    public long size() {
        return (keyedState == null ? 0 : keyedState.size()) + (operatorState == null ? 0 : operatorState.size());
    }

    /** Deletes the state this subtask wrote (a checkpoint that will never complete). */
    public void discard() {
        if (keyedState != null) {
            keyedState.discard();
        }
        if (operatorState != null) {
            operatorState.discard();
        }
    }
}
