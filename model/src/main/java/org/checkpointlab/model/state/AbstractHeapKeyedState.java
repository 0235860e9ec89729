package org.checkpointlab.model.state;

/**
 * What the keyed states of {@link HeapKeyedStateBackend} share: the backend whose current key they read and write,
 * their table (one map per key group), and the index of the current key's group.
 */
abstract class AbstractHeapKeyedState {

    final HeapKeyedStateBackend backend;
    final HeapStateTable table;
    private final String kind;

    AbstractHeapKeyedState(HeapKeyedStateBackend backend, HeapStateTable table, String kind) {
        this.backend = backend;
        this.table = table;
        this.kind = kind;
    }

    /** The index of the current key's group in the table; fails when no key is set. */
    final int index() {
        int i = backend.currentIndex;
        if (i < 0) {
            throw backend.noCurrentKey(table.name);
        }
        return i;
    }

    /** Drops the current key's entry. */
    public void clear() {
        backend.removeEntry(table, index());
    }

    @Override
    public String toString() {
        return kind + " '" + table.name + "'";
    }
}
