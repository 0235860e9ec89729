package org.checkpointlab.model.state.rocksdb;

import org.checkpointlab.model.state.StateKind;

/**
 * A state registered in a RocksDB backend: its name, kind, and the 2-byte id that stands for it in every RocksDB key
 * (names are not repeated in keys). Ids are per database; a restore that merges databases maps them by name.
 */
public record RegisteredState(String name, StateKind kind, int id) {
}
