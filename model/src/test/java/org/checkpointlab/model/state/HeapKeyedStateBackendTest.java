package org.checkpointlab.model.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapKeyedStateBackendTest {

    private static final int MAX_P = 128;

    private static HeapKeyedStateBackend fullRange() {
        return new HeapKeyedStateBackend(new KeyGroupRange(0, MAX_P - 1), MAX_P);
    }

    private static HeapKeyedStateBackend subtask(int index, int parallelism) {
        return new HeapKeyedStateBackend(KeyGroups.rangeForOperatorIndex(MAX_P, parallelism, index), MAX_P);
    }

    /** Reads every entry of every state in a backend, as "state/key" -> value, key by key through the views. */
    private static Map<String, Object> valuesOf(HeapKeyedStateBackend backend, List<Object> keys) {
        Map<String, Object> out = new HashMap<>();
        ValueState<Object> count = backend.valueState("count");
        ListState<Object> seen = backend.listState("seen");
        MapState<Object, Object> attrs = backend.mapState("attrs");
        for (Object key : keys) {
            backend.setCurrentKey(key);
            if (count.value() != null) {
                out.put("count/" + key, count.value());
            }
            if (!seen.get().isEmpty()) {
                out.put("seen/" + key, List.copyOf(seen.get()));
            }
            if (!attrs.entries().isEmpty()) {
                out.put("attrs/" + key, Map.copyOf(attrs.entries()));
            }
        }
        return out;
    }

    // ---- state semantics ----------------------------------------------------------------------------------------

    @Test
    void valueState_holdsOneValuePerKey_andNullUpdateClears() {
        HeapKeyedStateBackend backend = fullRange();
        ValueState<Long> count = backend.valueState("count");
        backend.setCurrentKey("alice");
        assertThat(count.value()).isNull();
        count.update(1L);
        count.update(count.value() + 1);
        backend.setCurrentKey("bob");
        assertThat(count.value()).isNull();
        count.update(10L);
        backend.setCurrentKey("alice");
        assertThat(count.value()).isEqualTo(2L);
        count.update(null);
        assertThat(count.value()).isNull();
        backend.setCurrentKey("bob");
        assertThat(count.value()).isEqualTo(10L);
        assertThat(backend.numberOfEntries()).isEqualTo(1);
    }

    @Test
    void listState_appendsInOrderPerKey_updateReplaces_andGetIsReadOnly() {
        HeapKeyedStateBackend backend = fullRange();
        ListState<String> list = backend.listState("seen");
        backend.setCurrentKey(1L);
        assertThat(list.get()).isEmpty();
        list.add("a");
        list.add("b");
        backend.setCurrentKey(2L);
        list.update(List.of("z"));
        backend.setCurrentKey(1L);
        assertThat(list.get()).containsExactly("a", "b");
        assertThatThrownBy(() -> list.get().add("c")).isInstanceOf(UnsupportedOperationException.class);
        list.update(List.of("c"));
        assertThat(list.get()).containsExactly("c");
        list.clear();
        assertThat(list.get()).isEmpty();
        assertThat(backend.numberOfEntries()).isEqualTo(1);
        assertThatThrownBy(() -> list.add(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("'seen'");
    }

    @Test
    void mapState_putGetContainsRemovePerKey_andAnEmptiedMapIsNoEntry() {
        HeapKeyedStateBackend backend = fullRange();
        MapState<String, Integer> map = backend.mapState("attrs");
        backend.setCurrentKey("k1");
        map.put("x", 1);
        map.put("y", 2);
        backend.setCurrentKey("k2");
        assertThat(map.contains("x")).isFalse();
        map.put("x", 100);
        backend.setCurrentKey("k1");
        assertThat(map.get("x")).isEqualTo(1);
        assertThat(map.entries()).containsOnly(Map.entry("x", 1), Map.entry("y", 2));
        assertThatThrownBy(() -> map.entries().put("z", 3)).isInstanceOf(UnsupportedOperationException.class);
        map.remove("x");
        map.remove("y");
        assertThat(map.entries()).isEmpty();
        assertThat(backend.numberOfEntries()).isEqualTo(1); // only k2's map is left
        backend.setCurrentKey("k2");
        map.clear();
        assertThat(backend.numberOfEntries()).isZero();
    }

    @Test
    void statesOfTheSameNameAreTheSameObject_andAnotherKindUnderThatNameIsAnError() {
        HeapKeyedStateBackend backend = fullRange();
        assertThat(backend.<Long>valueState("count")).isSameAs(backend.valueState("count"));
        assertThat(backend.listState("l")).isSameAs(backend.listState("l"));
        assertThat(backend.mapState("m")).isSameAs(backend.mapState("m"));
        assertThatThrownBy(() -> backend.listState("count"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'count' is registered as VALUE").hasMessageContaining("LIST");
    }

    @Test
    void differentStatesOfTheSameKeyAreIndependent() {
        HeapKeyedStateBackend backend = fullRange();
        ValueState<Long> a = backend.valueState("a");
        ValueState<Long> b = backend.valueState("b");
        backend.setCurrentKey("k");
        a.update(1L);
        assertThat(b.value()).isNull();
        b.update(2L);
        assertThat(a.value()).isEqualTo(1L);
        assertThat(backend.numberOfEntries()).isEqualTo(2);
    }

    @Test
    void setCurrentKey_computesFlinksKeyGroup() {
        HeapKeyedStateBackend backend = fullRange();
        backend.setCurrentKey("hello");
        assertThat(backend.currentKey()).isEqualTo("hello");
        assertThat(backend.currentKeyGroup()).isEqualTo(35);
    }

    @Test
    void keyOutsideTheRange_isARoutingErrorNamingKeyGroupAndRange() {
        HeapKeyedStateBackend second = subtask(1, 2); // [64..127]; "hello" is in key group 35
        assertThatThrownBy(() -> second.setCurrentKey("hello"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key hello").hasMessageContaining("key group 35")
                .hasMessageContaining("[64..127]");
    }

    @Test
    void stateAccessBeforeAnyKey_isAnErrorNamingTheState() {
        HeapKeyedStateBackend backend = fullRange();
        ValueState<Long> count = backend.valueState("count");
        assertThatThrownBy(count::value)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'count'").hasMessageContaining("before setCurrentKey");
    }

    @Test
    void stateAccessAfterClose_isAnErrorSayingClosed() {
        HeapKeyedStateBackend backend = fullRange();
        ValueState<Long> count = backend.valueState("count");
        backend.setCurrentKey("k");
        count.update(1L);
        backend.close();
        assertThatThrownBy(count::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> backend.setCurrentKey("k")).hasMessageContaining("closed");
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

    // ---- snapshots ----------------------------------------------------------------------------------------------

    @Test
    void snapshotThenMutateThenWrite_bytesHoldTheStateAsOfTheSnapshot() throws IOException {
        HeapKeyedStateBackend backend = fullRange();
        ValueState<Long> count = backend.valueState("count");
        ListState<Object> seen = backend.listState("seen");
        MapState<Object, Object> attrs = backend.mapState("attrs");
        List<Object> keys = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            keys.add("key-" + k);
            backend.setCurrentKey("key-" + k);
            count.update((long) k);
            seen.add(k);
            attrs.put("n", k);
        }
        Map<String, Object> atSnapshot = valuesOf(backend, keys);

        KeyedStateBackend.KeyedSnapshot snapshot = backend.snapshot(1);
        for (int k = 0; k < 300; k++) {
            backend.setCurrentKey("key-" + k);
            switch (k % 4) {
                case 0 -> count.update(-1L);
                case 1 -> seen.add("late");     // in-place add to a list the snapshot holds
                case 2 -> attrs.put("n", -1);   // in-place put into a map the snapshot holds
                default -> {
                    count.clear();
                    seen.clear();
                    attrs.remove("n");
                }
            }
        }
        backend.setCurrentKey("new-key");
        count.update(99L);
        byte[] bytes = snapshot.write();

        HeapKeyedStateBackend restored = fullRange();
        restored.restore(List.of(bytes));
        assertThat(valuesOf(restored, keys)).isEqualTo(atSnapshot);
        restored.setCurrentKey("new-key");
        assertThat(restored.valueState("count").value()).isNull();
        assertThat(restored.numberOfEntries()).isEqualTo(900);
        // and the live backend kept every change
        backend.setCurrentKey("key-1");
        assertThat(seen.get()).containsExactly(1, "late");
    }

    @Test
    void severalSnapshotsInFlight_eachSeesItsOwnMoment() throws IOException {
        HeapKeyedStateBackend backend = fullRange();
        ValueState<Long> count = backend.valueState("count");
        ListState<Long> seen = backend.listState("seen");
        backend.setCurrentKey("k");
        count.update(1L);
        seen.add(1L);
        KeyedStateBackend.KeyedSnapshot first = backend.snapshot(1);
        count.update(2L);
        seen.add(2L);
        KeyedStateBackend.KeyedSnapshot second = backend.snapshot(2);
        count.update(3L);
        seen.add(3L);

        byte[] secondBytes = second.write();
        byte[] firstBytes = first.write();

        HeapKeyedStateBackend fromFirst = fullRange();
        fromFirst.restore(List.of(firstBytes));
        fromFirst.setCurrentKey("k");
        assertThat(fromFirst.valueState("count").value()).isEqualTo(1L);
        assertThat(fromFirst.listState("seen").get()).containsExactly(1L);
        HeapKeyedStateBackend fromSecond = fullRange();
        fromSecond.restore(List.of(secondBytes));
        fromSecond.setCurrentKey("k");
        assertThat(fromSecond.valueState("count").value()).isEqualTo(2L);
        assertThat(fromSecond.listState("seen").get()).containsExactly(1L, 2L);
    }

    @Test
    void aSnapshotIsWrittenOnce_andAReleasedOneCannotBeWritten() throws IOException {
        HeapKeyedStateBackend backend = fullRange();
        backend.setCurrentKey("k");
        backend.valueState("v").update(1L);
        KeyedStateBackend.KeyedSnapshot written = backend.snapshot(1);
        written.write();
        assertThatThrownBy(written::write)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("checkpoint 1 was already written");
        KeyedStateBackend.KeyedSnapshot aborted = backend.snapshot(2);
        aborted.release();
        assertThatThrownBy(aborted::write)
                .isInstanceOf(IOException.class).hasMessageContaining("checkpoint 2 was released");
        // the backend goes on as before
        backend.valueState("v").update(2L);
        assertThat(backend.valueState("v").value()).isEqualTo(2L);
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

    // ---- restore and rescaling ----------------------------------------------------------------------------------

    @Test
    void restoreIntoTheSameRange_givesEqualState() throws IOException {
        HeapKeyedStateBackend original = subtask(0, 2);
        List<Object> keys = fill(List.of(original), 2, 500);
        byte[] bytes = original.snapshot(5).write();

        HeapKeyedStateBackend restored = subtask(0, 2);
        restored.restore(List.of(bytes));

        List<Object> ownKeys = keysOf(keys, 0, 2);
        assertThat(valuesOf(restored, ownKeys)).isEqualTo(valuesOf(original, ownKeys)).isNotEmpty();
        assertThat(restored.numberOfEntries()).isEqualTo(original.numberOfEntries());
        assertThat(restored.stateNames()).containsExactlyInAnyOrder("count", "seen", "attrs");
    }

    @Test
    void rescaleFromTwoToThree_everyKeyIsRestoredExactlyOnceOnTheSubtaskOwningItsKeyGroup() throws IOException {
        assertRescaling(2, 3);
    }

    @Test
    void rescaleFromTwoToOne_theSingleSubtaskGetsEveryKey() throws IOException {
        assertRescaling(2, 1);
    }

    @Test
    void rescaleFromThreeToFour() throws IOException {
        assertRescaling(3, 4);
    }

    private static void assertRescaling(int oldParallelism, int newParallelism) throws IOException {
        List<HeapKeyedStateBackend> old = new ArrayList<>();
        for (int i = 0; i < oldParallelism; i++) {
            old.add(subtask(i, oldParallelism));
        }
        List<Object> keys = fill(old, oldParallelism, 1000);
        Map<String, Object> expected = new HashMap<>();
        List<byte[]> blobs = new ArrayList<>();
        for (int i = 0; i < oldParallelism; i++) {
            expected.putAll(valuesOf(old.get(i), keysOf(keys, i, oldParallelism)));
            blobs.add(old.get(i).snapshot(1).write());
        }

        Map<String, Object> restoredUnion = new HashMap<>();
        long entries = 0;
        for (int i = 0; i < newParallelism; i++) {
            HeapKeyedStateBackend backend = subtask(i, newParallelism);
            backend.restore(blobs);
            List<Object> owned = keysOf(keys, i, newParallelism);
            Map<String, Object> values = valuesOf(backend, owned);
            assertThat(values).as("subtask %d has every key it owns", i).hasSize(3 * owned.size());
            for (String entry : values.keySet()) {
                assertThat(restoredUnion).as("entry %s restored only once", entry).doesNotContainKey(entry);
            }
            restoredUnion.putAll(values);
            entries += backend.numberOfEntries();
        }
        assertThat(restoredUnion).isEqualTo(expected);
        assertThat(entries).as("no subtask holds entries of keys it does not own").isEqualTo(3L * keys.size());
    }

    /** Writes count, seen and attrs for {@code n} keys into whichever old backend owns each key. */
    private static List<Object> fill(List<HeapKeyedStateBackend> backends, int parallelism, int n) {
        List<Object> keys = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Object key = k % 2 == 0 ? (Object) ("user-" + k) : (Object) (long) k;
            keys.add(key);
            int owner = KeyGroups.assignKeyToOperator(key, MAX_P, parallelism);
            if (owner >= backends.size()) {
                continue;
            }
            HeapKeyedStateBackend backend = backends.get(owner);
            backend.setCurrentKey(key);
            backend.<Long>valueState("count").update((long) k);
            backend.<Object>listState("seen").update(List.of(k, "x" + k));
            backend.<Object, Object>mapState("attrs").put("k", k);
        }
        return keys;
    }

    private static List<Object> keysOf(List<Object> keys, int subtask, int parallelism) {
        List<Object> owned = new ArrayList<>();
        for (Object key : keys) {
            if (KeyGroups.assignKeyToOperator(key, MAX_P, parallelism) == subtask) {
                owned.add(key);
            }
        }
        return owned;
    }

    @Test
    void restoreWithAnotherMaxParallelism_isRefused() throws IOException {
        HeapKeyedStateBackend original = new HeapKeyedStateBackend(new KeyGroupRange(0, 255), 256);
        byte[] bytes = original.snapshot(1).write();
        assertThatThrownBy(() -> fullRange().restore(List.of(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("max parallelism 256").hasMessageContaining("this backend has 128");
    }

    @Test
    void restoreOfCorruptBytes_isAnIOExceptionNamingTheBlob() throws IOException {
        HeapKeyedStateBackend original = fullRange();
        fill(List.of(original), 1, 50);
        byte[] good = original.snapshot(1).write();
        byte[] corrupt = good.clone();
        corrupt[good.length / 2] ^= 1;
        assertThatThrownBy(() -> fullRange().restore(List.of(corrupt)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("key-group state #0").hasMessageContaining("corrupt");
        assertThatThrownBy(() -> fullRange().restore(List.of(good, Arrays.copyOf(good, 100))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("key-group state #1").hasMessageContaining("truncated");
    }

    @Test
    void sameKeyGroupInTwoBlobs_isRefused() throws IOException {
        HeapKeyedStateBackend original = fullRange();
        fill(List.of(original), 1, 10);
        byte[] bytes = original.snapshot(1).write();
        assertThatThrownBy(() -> fullRange().restore(List.of(bytes, bytes)))
                .isInstanceOf(IOException.class).hasMessageContaining("more than one key-group state");
    }

    @Test
    void restoredStateOfAnotherKind_isRefusedNamingTheState() throws IOException {
        HeapKeyedStateBackend original = fullRange();
        original.setCurrentKey("k");
        original.valueState("x").update(1L);
        byte[] bytes = original.snapshot(1).write();
        HeapKeyedStateBackend target = fullRange();
        target.listState("x");
        assertThatThrownBy(() -> target.restore(List.of(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'x' is registered as LIST").hasMessageContaining("VALUE");
    }

    @Test
    void restoreAfterStateWasWritten_isRefused() {
        HeapKeyedStateBackend backend = fullRange();
        backend.setCurrentKey("k");
        backend.valueState("v").update(1L);
        assertThatThrownBy(() -> backend.restore(List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before the first state write");
    }

    @Test
    void restoredListsAndMapsStayIsolatedFromSnapshotsTakenAfterwards() throws IOException {
        HeapKeyedStateBackend original = fullRange();
        original.setCurrentKey("k");
        original.listState("l").add("a");
        HeapKeyedStateBackend restored = fullRange();
        restored.restore(List.of(original.snapshot(1).write()));
        restored.setCurrentKey("k");
        KeyedStateBackend.KeyedSnapshot snapshot = restored.snapshot(2);
        restored.listState("l").add("b");
        HeapKeyedStateBackend again = fullRange();
        again.restore(List.of(snapshot.write()));
        again.setCurrentKey("k");
        assertThat(again.listState("l").get()).containsExactly("a");
        assertThat(restored.listState("l").get()).containsExactly("a", "b");
    }

    @Test
    void snapshotTakenBeforeRestore_staysEmpty() throws IOException {
        HeapKeyedStateBackend source = fullRange();
        source.setCurrentKey("k");
        source.valueState("v").update(1L);
        byte[] bytes = source.snapshot(1).write();

        HeapKeyedStateBackend target = fullRange();
        target.valueState("v");
        KeyedStateBackend.KeyedSnapshot early = target.snapshot(0);
        target.restore(List.of(bytes));

        HeapKeyedStateBackend fromEarly = fullRange();
        fromEarly.restore(List.of(early.write()));
        assertThat(fromEarly.numberOfEntries()).isZero();
        target.setCurrentKey("k");
        assertThat(target.valueState("v").value()).isEqualTo(1L);
    }
}
