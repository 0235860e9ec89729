package org.checkpointlab.model.state;

/** Creates the state backends of one operator's subtask (heap or RocksDB). */
public interface StateBackendFactory {

    KeyedStateBackend createKeyedBackend(String operatorId, int subtaskIndex, KeyGroupRange range,
                                         int maxParallelism);

    OperatorStateBackend createOperatorBackend(String operatorId, int subtaskIndex);

    /**
     * No retained or pending checkpoint has an id below {@code lowestCheckpointId}: shared state only older
     * checkpoints used may be deleted. Nothing to do for backends without shared state.
     */
    default void discardSharedStateBefore(long lowestCheckpointId) {
    }
}
