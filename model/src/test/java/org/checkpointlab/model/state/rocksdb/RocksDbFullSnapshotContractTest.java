package org.checkpointlab.model.state.rocksdb;

import java.nio.file.Path;

import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.KeyedStateBackendContractTest;
import org.junit.jupiter.api.io.TempDir;

/** The keyed-backend contract, run against RocksDB with full (canonical) checkpoints. */
class RocksDbFullSnapshotContractTest extends KeyedStateBackendContractTest {

    @TempDir
    Path local;

    @Override
    protected KeyedStateBackend create(KeyGroupRange range, int maxParallelism) {
        return new RocksDbKeyedStateBackend(range, maxParallelism, local, "op-" + range.start(), null, false);
    }
}
