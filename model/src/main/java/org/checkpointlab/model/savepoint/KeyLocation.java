package org.checkpointlab.model.savepoint;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where a key's state lives: its key group, the subtask that held it at the savepoint's parallelism and, for a
 * parallelism to restore with, the subtask that would take it over (Flink's key-group ranges), and its values in
 * the savepoint.
 *
 * @param operatorId       the keyed operator
 * @param key              the key found in the operator's state
 * @param keyGroup         {@code murmurHash(key.hashCode()) % maxParallelism}
 * @param maxParallelism   the operator's max parallelism (number of key groups)
 * @param savedParallelism the operator's parallelism when the savepoint was taken
 * @param savedSubtask     the subtask that held the key then
 * @param newParallelism   the parallelism asked about, or {@code null}
 * @param newSubtask       the subtask holding the key at {@code newParallelism}, or {@code null}
 * @param values           every state entry of the key, in state-name order
 */
public record KeyLocation(String operatorId, Object key, int keyGroup, int maxParallelism, int savedParallelism,
                          int savedSubtask, Integer newParallelism, Integer newSubtask,
                          List<KeyedStateEntry> values) {
    public KeyLocation {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        if ((newParallelism == null) != (newSubtask == null)) {
            throw new IllegalArgumentException("newParallelism and newSubtask go together");
        }
    }

    /** The subtask at the asked parallelism, if one was asked about. */
    public OptionalInt newSubtaskIndex() {
        return newSubtask == null ? OptionalInt.empty() : OptionalInt.of(newSubtask);
    }

    /** The values as {@code state = value}, joined with {@code ", "}, e.g. {@code "count = 42"}. */
    public String valuesText() {
        return String.join(", ", values.stream().map(e -> e.state() + " = " + e.value()).toList());
    }
}
