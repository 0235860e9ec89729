package org.checkpointlab.model.runtime;

import java.util.List;

import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.OperatorStateBackend;
import org.checkpointlab.model.state.StateBackendFactory;

/**
 * The state backends of one chained operator in one subtask (what Flink's {@code StreamTaskStateInitializer} hands
 * an operator): a keyed backend for the subtask's key-group range when the operator is keyed, and an operator
 * backend, both restored from the old subtasks' blobs when there are any (a keyed backend whose restore fails is
 * closed). The task's {@link OperatorChain} and the operator test harness create them the same way.
 *
 * @param keyed null when the operator is not keyed
 */
public record OperatorStateBackends(KeyedStateBackend keyed, OperatorStateBackend operator) {

    /**
     * Creates and restores the backends of {@code op} in subtask {@code subtask} of {@code parallelism}.
     *
     * @param keyedBlobs    the keyed-state blobs whose key groups overlap the subtask's range; null: nothing to restore
     * @param operatorBlobs every old subtask's operator-state blob, in old subtask order; null: nothing to restore
     */
    public static OperatorStateBackends create(ChainedOperator op, int subtask, int parallelism,
                                               StateBackendFactory backends, List<byte[]> keyedBlobs,
                                               List<byte[]> operatorBlobs) throws Exception {
        KeyedStateBackend keyed = null;
        if (op.keyed()) {
            KeyGroupRange range = KeyGroups.rangeForOperatorIndex(op.maxParallelism(), parallelism, subtask);
            keyed = backends.createKeyedBackend(op.id(), subtask, range, op.maxParallelism());
        }
        OperatorStateBackend operator = backends.createOperatorBackend(op.id(), subtask);
        try {
            if (keyed != null && keyedBlobs != null) {
                keyed.restore(keyedBlobs);
            }
            if (operatorBlobs != null) {
                operator.restore(operatorBlobs, subtask, parallelism);
            }
        } catch (Throwable t) {
            if (keyed != null) {
                keyed.close(); // native resources of RocksDB: nobody else holds the backend yet
            }
            throw t;
        }
        return new OperatorStateBackends(keyed, operator);
    }
}
