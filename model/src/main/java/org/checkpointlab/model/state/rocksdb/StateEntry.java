package org.checkpointlab.model.state.rocksdb;

import org.checkpointlab.model.state.RegisteredKeyedState;
import org.checkpointlab.model.state.StateKind;

/**
 * A registered state of a {@link RocksDbKeyedStateBackend}: name, kind, the id in its RocksDB keys (which a restore
 * from another database may renumber), and the view handed out for it. Task thread only.
 */
final class StateEntry extends RegisteredKeyedState {
    int id;

    StateEntry(String name, StateKind kind, int id) {
        super(name, kind);
        this.id = id;
    }

    RegisteredState registered() {
        return new RegisteredState(name, kind, id);
    }
}
