package org.checkpointlab.model.state.rocksdb;

/** What the keyed states of {@link RocksDbKeyedStateBackend} share: the access to the instance and their entry. */
abstract class AbstractRocksDbState {

    final RocksDbStateAccess access;
    final StateEntry state;
    private final String kind;

    AbstractRocksDbState(RocksDbStateAccess access, StateEntry state, String kind) {
        this.access = access;
        this.state = state;
        this.kind = kind;
    }

    @Override
    public String toString() {
        return kind + " '" + state.name + "' (RocksDB)";
    }
}
