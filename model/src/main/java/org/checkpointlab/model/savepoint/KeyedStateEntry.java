package org.checkpointlab.model.savepoint;

import java.util.Objects;

import org.checkpointlab.model.state.StateKind;

/**
 * One entry of an operator's keyed state as a savepoint holds it: the key, the state it belongs to (by name, as
 * the operator registered it, e.g. {@code count}), its value, the key group the key hashes to and the subtask
 * whose state file held it.
 *
 * @param subtask  the index of the subtask that wrote it (at the savepoint's parallelism)
 * @param keyGroup the key group of the key
 * @param state    the state's name
 * @param kind     value, list (the value is the whole list) or map (the whole map)
 * @param key      the key, as the operator keyed it ({@code Long}, {@code String}, ...)
 * @param value    the value
 */
public record KeyedStateEntry(int subtask, int keyGroup, String state, StateKind kind, Object key, Object value) {
    public KeyedStateEntry {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }

    /** The key as text, as the user types it to look it up. */
    public String keyText() {
        return String.valueOf(key);
    }
}
