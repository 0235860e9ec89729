package org.checkpointlab.model.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What only the heap backend promises, beyond {@link KeyedStateBackendContractTest} (which it runs through
 * {@link HeapKeyedStateBackendContractTest}): exact entry counts, a size estimate from sampled entries, and a value
 * of an unsupported type found when the snapshot is written (the heap holds objects; RocksDB refuses it at update).
 */
class HeapKeyedStateBackendTest {

    private static final int MAX_P = 128;

    private static HeapKeyedStateBackend fullRange() {
        return new HeapKeyedStateBackend(new KeyGroupRange(0, MAX_P - 1), MAX_P);
    }

    @Test
    void numberOfEntries_countsEveryStateOfEveryKey_andAnEmptiedValueListOrMapIsNone() throws IOException {
        HeapKeyedStateBackend backend = fullRange();
        ValueState<Long> count = backend.valueState("count");
        ListState<String> seen = backend.listState("seen");
        MapState<String, Integer> attrs = backend.mapState("attrs");
        for (String key : List.of("a", "b", "c")) {
            backend.setCurrentKey(key);
            count.update(1L);
            seen.add(key);
            attrs.put("x", 1);
        }
        assertThat(backend.numberOfEntries()).isEqualTo(9);
        backend.setCurrentKey("a");
        count.update(null);
        seen.clear();
        attrs.remove("x");
        assertThat(backend.numberOfEntries()).isEqualTo(6);
        backend.setCurrentKey("b");
        seen.update(List.of());
        attrs.clear();
        assertThat(backend.numberOfEntries()).isEqualTo(4);

        HeapKeyedStateBackend restored = fullRange();
        restored.restore(List.of(backend.snapshot(1).write()));
        assertThat(restored.numberOfEntries()).isEqualTo(4);
        assertThat(restored.stateNames()).containsExactlyInAnyOrder("count", "seen", "attrs");
    }

    @Test
    void approximateSize_growsWithTheState_andIsZeroWhenEmpty() {
        HeapKeyedStateBackend backend = fullRange();
        assertThat(backend.approximateSizeBytes()).isZero();
        ValueState<String> state = backend.valueState("v");
        for (int k = 0; k < 1000; k++) {
            backend.setCurrentKey(k);
            state.update("value-" + k); // 6 + 5 + ~3 bytes with a 5-byte key: about 19 bytes per entry
        }
        assertThat(backend.numberOfEntries()).isEqualTo(1000);
        assertThat(backend.approximateSizeBytes()).isBetween(15_000L, 25_000L);
    }

    @Test
    void unserializableValue_failsTheWriteNamingTheStateAndTheType() {
        HeapKeyedStateBackend backend = fullRange();
        backend.setCurrentKey("k");
        backend.valueState("session").update(new StringBuilder("oops"));
        KeyedStateBackend.KeyedSnapshot snapshot = backend.snapshot(1);
        assertThatThrownBy(snapshot::write)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'session'").hasMessageContaining("java.lang.StringBuilder");
    }
}
