package org.checkpointlab.model.runtime;

import org.checkpointlab.model.state.HeapKeyedStateBackend;
import org.checkpointlab.model.state.HeapOperatorStateBackend;
import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.OperatorStateBackend;
import org.checkpointlab.model.state.StateBackendFactory;

/** Flink's HashMapStateBackend: state as objects on the heap, copy-on-write snapshots. */
public final class HeapStateBackendFactory implements StateBackendFactory {
    @Override
    public KeyedStateBackend createKeyedBackend(String operatorId, int subtaskIndex, KeyGroupRange range,
                                                int maxParallelism) {
        return new HeapKeyedStateBackend(range, maxParallelism);
    }

    @Override
    public OperatorStateBackend createOperatorBackend(String operatorId, int subtaskIndex) {
        return new HeapOperatorStateBackend();
    }
}
