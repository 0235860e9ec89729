package org.checkpointlab.model.state.rocksdb;

import java.nio.file.Path;

import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.KeyedStateBackendContractTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyed-backend contract, run against RocksDB with incremental checkpoints: every checkpoint is a manifest of
 * shared SST files, so restoring, rescaling (base database plus copied ranges) and the error cases all go through
 * the incremental path. Shared files live in a directory, as with a checkpoint directory.
 */
class RocksDbIncrementalContractTest extends KeyedStateBackendContractTest {

    @TempDir
    Path local;

    @TempDir
    Path shared;

    @Override
    protected KeyedStateBackend create(KeyGroupRange range, int maxParallelism) {
        return new RocksDbKeyedStateBackend(range, maxParallelism, local, "op-" + range.start(),
                new DirectorySharedFileStore(shared), true);
    }
}
