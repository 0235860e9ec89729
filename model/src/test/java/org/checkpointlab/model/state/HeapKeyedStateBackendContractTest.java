package org.checkpointlab.model.state;

/** The keyed-backend contract, run against the heap backend (the reference behaviour). */
class HeapKeyedStateBackendContractTest extends KeyedStateBackendContractTest {
    @Override
    protected KeyedStateBackend create(KeyGroupRange range, int maxParallelism) {
        return new HeapKeyedStateBackend(range, maxParallelism);
    }
}
