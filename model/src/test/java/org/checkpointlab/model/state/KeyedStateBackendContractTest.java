package org.checkpointlab.model.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every keyed state backend must do, whatever it stores state in: the semantics of value, list and map state
 * per key, snapshots that hold the sync-phase moment while processing goes on, restore into the same range and
 * rescaling, and clear errors for bad input. Each backend runs it through a subclass that says how to create one;
 * snapshots are restored into the same kind of backend, so a backend's own checkpoint format is covered too.
 */
public abstract class KeyedStateBackendContractTest {

    protected static final int MAX_P = 128;

    private final List<KeyedStateBackend> created = new ArrayList<>();

    /** A new, empty backend of the kind under test. */
    protected abstract KeyedStateBackend create(KeyGroupRange range, int maxParallelism);

    protected final KeyedStateBackend backend(KeyGroupRange range, int maxParallelism) {
        KeyedStateBackend backend = create(range, maxParallelism);
        created.add(backend);
        return backend;
    }

    protected final KeyedStateBackend fullRange() {
        return backend(new KeyGroupRange(0, MAX_P - 1), MAX_P);
    }

    /** A full-range backend whose current key is "k", with {@code value} in the value state {@code state}. */
    protected final KeyedStateBackend withValue(String state, long value) {
        KeyedStateBackend backend = fullRange();
        backend.setCurrentKey("k");
        backend.valueState(state).update(value);
        return backend;
    }

    /** {@code target.restore(blobs)} fails with an {@link IOException} whose message names each of {@code parts}. */
    protected static void assertRestoreRefused(KeyedStateBackend target, List<byte[]> blobs, String... parts) {
        assertThatThrownBy(() -> target.restore(blobs)).isInstanceOf(IOException.class)
                .hasMessageContainingAll(parts);
    }

    protected final KeyedStateBackend subtask(int index, int parallelism) {
        return backend(KeyGroups.rangeForOperatorIndex(MAX_P, parallelism, index), MAX_P);
    }

    @AfterEach
    void closeBackends() {
        created.forEach(KeyedStateBackend::close);
    }

    /** Reads every entry of the test states, as "state/key" -> value, key by key through the views. */
    protected static Map<String, Object> valuesOf(KeyedStateBackend backend, List<Object> keys) {
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

    /** Every entry a backend holds, read through a savepoint restored into one full-range heap backend. */
    protected static HeapKeyedStateBackend asHeap(List<KeyedStateBackend> backends) throws IOException {
        List<byte[]> blobs = new ArrayList<>();
        for (KeyedStateBackend b : backends) {
            blobs.add(b.snapshot(1_000, true).write());
        }
        HeapKeyedStateBackend heap = new HeapKeyedStateBackend(new KeyGroupRange(0, MAX_P - 1), MAX_P);
        heap.restore(blobs);
        return heap;
    }

    // ---- state semantics ----------------------------------------------------------------------------------------

    @Test
    void valueState_holdsOneValuePerKey_andNullUpdateClears() {
        KeyedStateBackend backend = fullRange();
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
    }

    @Test
    void valuesOfEverySupportedTypeRoundTrip() {
        KeyedStateBackend backend = fullRange();
        ValueState<Object> v = backend.valueState("v");
        List<Object> values = List.of(1L, 2, 3.5, true, "text", List.of(1L, "two"), Map.of("k", 1L),
                java.util.Set.of("s"), new StateRecord("key", 7L, 9L));
        for (int i = 0; i < values.size(); i++) {
            backend.setCurrentKey(i);
            v.update(values.get(i));
        }
        for (int i = 0; i < values.size(); i++) {
            backend.setCurrentKey(i);
            assertThat(v.value()).isEqualTo(values.get(i));
        }
        backend.setCurrentKey("bytes");
        v.update(new byte[] {1, 2, 3});
        assertThat((byte[]) v.value()).containsExactly(1, 2, 3);
    }

    @Test
    void listState_appendsInOrderPerKey_updateReplaces_andGetIsReadOnly() {
        KeyedStateBackend backend = fullRange();
        ListState<String> list = backend.listState("seen");
        backend.setCurrentKey(1L);
        assertThat(list.get()).isEmpty();
        list.add("a");
        list.add("b,with,commas");
        backend.setCurrentKey(2L);
        list.update(List.of("z"));
        backend.setCurrentKey(1L);
        assertThat(list.get()).containsExactly("a", "b,with,commas");
        assertThatThrownBy(() -> list.get().add("c")).isInstanceOf(UnsupportedOperationException.class);
        list.update(List.of("c"));
        list.add("d");
        assertThat(list.get()).containsExactly("c", "d");
        list.clear();
        assertThat(list.get()).isEmpty();
        backend.setCurrentKey(2L);
        assertThat(list.get()).containsExactly("z");
        assertThatThrownBy(() -> list.add(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("'seen'");
        assertThatThrownBy(() -> list.update(Arrays.asList("x", null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("element 1");
    }

    @Test
    void mapState_putGetContainsRemovePerKey() {
        KeyedStateBackend backend = fullRange();
        MapState<String, Integer> map = backend.mapState("attrs");
        backend.setCurrentKey("k1");
        map.put("x", 1);
        map.put("y", 2);
        backend.setCurrentKey("k2");
        assertThat(map.contains("x")).isFalse();
        map.put("x", 100);
        backend.setCurrentKey("k1");
        assertThat(map.get("x")).isEqualTo(1);
        assertThat(map.get("nope")).isNull();
        assertThat(map.entries()).containsOnly(Map.entry("x", 1), Map.entry("y", 2));
        assertThatThrownBy(() -> map.entries().put("z", 3)).isInstanceOf(UnsupportedOperationException.class);
        map.remove("x");
        assertThat(map.contains("x")).isFalse();
        map.remove("y");
        assertThat(map.entries()).isEmpty();
        backend.setCurrentKey("k2");
        assertThat(map.entries()).containsOnly(Map.entry("x", 100));
        map.clear();
        assertThat(map.entries()).isEmpty();
    }

    @Test
    void mapsOfNeighbouringKeysDoNotLeakIntoEachOther() {
        KeyedStateBackend backend = fullRange();
        MapState<Object, Object> map = backend.mapState("attrs");
        // "a" and "ab": the serialized key of one must not be read as a prefix of the other's entries
        backend.setCurrentKey("ab");
        map.put("u", 1L);
        backend.setCurrentKey("a");
        map.put("bu", 2L);
        assertThat(map.entries()).containsOnly(Map.entry("bu", 2L));
        map.clear();
        backend.setCurrentKey("ab");
        assertThat(map.entries()).containsOnly(Map.entry("u", 1L));
    }

    @Test
    void statesOfTheSameNameAreTheSameObject_andAnotherKindUnderThatNameIsAnError() {
        KeyedStateBackend backend = fullRange();
        assertThat(backend.<Long>valueState("count")).isSameAs(backend.valueState("count"));
        assertThat(backend.listState("l")).isSameAs(backend.listState("l"));
        assertThat(backend.mapState("m")).isSameAs(backend.mapState("m"));
        assertThatThrownBy(() -> backend.listState("count"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'count' is registered as VALUE").hasMessageContaining("LIST");
    }

    @Test
    void differentStatesOfTheSameKeyAreIndependent() {
        KeyedStateBackend backend = fullRange();
        ValueState<Long> a = backend.valueState("a");
        ValueState<Long> b = backend.valueState("b");
        backend.setCurrentKey("k");
        a.update(1L);
        assertThat(b.value()).isNull();
        b.update(2L);
        assertThat(a.value()).isEqualTo(1L);
        a.clear();
        assertThat(b.value()).isEqualTo(2L);
    }

    @Test
    void setCurrentKey_computesFlinksKeyGroup() {
        KeyedStateBackend backend = fullRange();
        backend.setCurrentKey("hello");
        assertThat(backend.currentKey()).isEqualTo("hello");
        assertThat(backend.currentKeyGroup()).isEqualTo(35);
    }

    @Test
    void keyOutsideTheRange_isARoutingErrorNamingKeyGroupAndRange() {
        KeyedStateBackend second = subtask(1, 2); // [64..127]; "hello" is in key group 35
        assertThatThrownBy(() -> second.setCurrentKey("hello"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key hello").hasMessageContaining("key group 35")
                .hasMessageContaining("[64..127]");
    }

    @Test
    void stateAccessBeforeAnyKey_isAnErrorNamingTheState() {
        KeyedStateBackend backend = fullRange();
        ValueState<Long> count = backend.valueState("count");
        assertThatThrownBy(count::value)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'count'").hasMessageContaining("before setCurrentKey");
    }

    @Test
    void stateAccessAfterClose_isAnErrorSayingClosed() {
        KeyedStateBackend backend = fullRange();
        ValueState<Long> count = backend.valueState("count");
        backend.setCurrentKey("k");
        count.update(1L);
        backend.close();
        assertThatThrownBy(count::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> backend.setCurrentKey("k")).hasMessageContaining("closed");
    }

    // ---- snapshots ----------------------------------------------------------------------------------------------

    @Test
    void snapshotThenMutateThenWrite_bytesHoldTheStateAsOfTheSnapshot() throws IOException {
        KeyedStateBackend backend = fullRange();
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
                case 1 -> seen.add("late");
                case 2 -> attrs.put("n", -1);
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

        KeyedStateBackend restored = fullRange();
        restored.restore(List.of(bytes));
        assertThat(valuesOf(restored, keys)).isEqualTo(atSnapshot);
        restored.setCurrentKey("new-key");
        assertThat(restored.valueState("count").value()).isNull();
        assertThat(asHeap(List.of(restored)).numberOfEntries()).isEqualTo(900);
        // and the live backend kept every change
        backend.setCurrentKey("key-1");
        assertThat(seen.get()).containsExactly(1, "late");
    }

    @Test
    void severalSnapshotsInFlight_eachSeesItsOwnMoment() throws IOException {
        KeyedStateBackend backend = fullRange();
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

        KeyedStateBackend fromFirst = fullRange();
        fromFirst.restore(List.of(firstBytes));
        fromFirst.setCurrentKey("k");
        assertThat(fromFirst.valueState("count").value()).isEqualTo(1L);
        assertThat(fromFirst.listState("seen").get()).containsExactly(1L);
        KeyedStateBackend fromSecond = fullRange();
        fromSecond.restore(List.of(secondBytes));
        fromSecond.setCurrentKey("k");
        assertThat(fromSecond.valueState("count").value()).isEqualTo(2L);
        assertThat(fromSecond.listState("seen").get()).containsExactly(1L, 2L);
    }

    @Test
    void aSnapshotIsWrittenOnce_andAReleasedOneCannotBeWritten() throws IOException {
        KeyedStateBackend backend = withValue("v", 1L);
        KeyedStateBackend.KeyedSnapshot written = backend.snapshot(1);
        written.write();
        assertThatThrownBy(written::write)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("checkpoint 1 was already written");
        KeyedStateBackend.KeyedSnapshot aborted = backend.snapshot(2);
        aborted.release();
        assertThatThrownBy(aborted::write)
                .isInstanceOf(IOException.class).hasMessageContaining("checkpoint 2 was released");
        backend.valueState("v").update(2L);
        assertThat(backend.valueState("v").value()).isEqualTo(2L);
    }

    @Test
    void aSnapshotOutlivesTheBackendThatTookIt() throws IOException {
        KeyedStateBackend backend = withValue("v", 5L);
        KeyedStateBackend.KeyedSnapshot snapshot = backend.snapshot(1);
        backend.close(); // the task ended while the async phase was still to run
        KeyedStateBackend restored = fullRange();
        restored.restore(List.of(snapshot.write()));
        restored.setCurrentKey("k");
        assertThat(restored.valueState("v").value()).isEqualTo(5L);
    }

    @Test
    void savepointIsAlwaysCanonicalKeyGroupState_restorableByTheHeapBackend() throws IOException {
        KeyedStateBackend backend = subtask(0, 2);
        List<Object> keys = fill(List.of(backend), 2, 200);
        byte[] savepoint = backend.snapshot(3, true).write();
        assertThat(KeyGroupStateFormat.reader(savepoint).keyGroupRange()).isEqualTo(backend.keyGroupRange());
        HeapKeyedStateBackend heap = new HeapKeyedStateBackend(backend.keyGroupRange(), MAX_P);
        heap.restore(List.of(savepoint));
        List<Object> own = keysOf(keys, 0, 2);
        assertThat(valuesOf(heap, own)).isEqualTo(valuesOf(backend, own)).hasSize(3 * own.size());
    }

    // ---- restore and rescaling ----------------------------------------------------------------------------------

    @Test
    void restoreIntoTheSameRange_givesEqualState() throws IOException {
        KeyedStateBackend original = subtask(0, 2);
        List<Object> keys = fill(List.of(original), 2, 500);
        byte[] bytes = original.snapshot(5).write();

        KeyedStateBackend restored = subtask(0, 2);
        restored.restore(List.of(bytes));

        List<Object> ownKeys = keysOf(keys, 0, 2);
        assertThat(valuesOf(restored, ownKeys)).isEqualTo(valuesOf(original, ownKeys)).isNotEmpty();
        // and it goes on: new writes and a second generation of snapshot and restore
        restored.setCurrentKey(ownKeys.get(0));
        restored.<Object>listState("seen").add("after");
        byte[] again = restored.snapshot(6).write();
        KeyedStateBackend third = subtask(0, 2);
        third.restore(List.of(again));
        assertThat(valuesOf(third, ownKeys)).isEqualTo(valuesOf(restored, ownKeys));
    }

    /** Scaling out, in (2 -> 1: the single subtask gets every key) and by one. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 3", "2, 1", "3, 4"})
    void rescale_everyKeyIsRestoredExactlyOnceOnTheSubtaskOwningItsKeyGroup(int oldParallelism, int newParallelism)
            throws IOException {
        List<KeyedStateBackend> old = new ArrayList<>();
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
        List<KeyedStateBackend> rescaled = new ArrayList<>();
        for (int i = 0; i < newParallelism; i++) {
            KeyedStateBackend backend = subtask(i, newParallelism);
            backend.restore(blobs);
            rescaled.add(backend);
            List<Object> owned = keysOf(keys, i, newParallelism);
            Map<String, Object> values = valuesOf(backend, owned);
            assertThat(values).as("subtask %d has every key it owns", i).hasSize(3 * owned.size());
            for (String entry : values.keySet()) {
                assertThat(restoredUnion).as("entry %s restored only once", entry).doesNotContainKey(entry);
            }
            restoredUnion.putAll(values);
        }
        assertThat(restoredUnion).isEqualTo(expected);
        assertThat(asHeap(rescaled).numberOfEntries()).as("entries of all rescaled subtasks")
                .isEqualTo(3L * keys.size());
    }

    /** Writes count, seen and attrs for {@code n} keys into whichever backend owns each key. */
    protected static List<Object> fill(List<KeyedStateBackend> backends, int parallelism, int n) {
        List<Object> keys = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Object key = k % 2 == 0 ? (Object) ("user-" + k) : (Object) (long) k;
            keys.add(key);
            int owner = KeyGroups.assignKeyToOperator(key, MAX_P, parallelism);
            if (owner >= backends.size()) {
                continue;
            }
            KeyedStateBackend backend = backends.get(owner);
            backend.setCurrentKey(key);
            backend.<Long>valueState("count").update((long) k);
            backend.<Object>listState("seen").update(List.of(k, "x" + k));
            backend.<Object, Object>mapState("attrs").put("k", k);
        }
        return keys;
    }

    protected static List<Object> keysOf(List<Object> keys, int subtask, int parallelism) {
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
        KeyedStateBackend original = backend(new KeyGroupRange(0, 255), 256);
        original.setCurrentKey("k");
        original.valueState("v").update(1L);
        byte[] bytes = original.snapshot(1).write();
        assertRestoreRefused(fullRange(), List.of(bytes), "max parallelism 256", "this backend has 128");
    }

    @Test
    void restoreOfCorruptBytes_isAnIOExceptionNamingTheBlob() throws IOException {
        KeyedStateBackend original = fullRange();
        fill(List.of(original), 1, 50);
        byte[] good = original.snapshot(1).write();
        byte[] corrupt = good.clone();
        corrupt[good.length / 2] ^= 1;
        assertRestoreRefused(fullRange(), List.of(corrupt), "key-group state #0", "corrupt");
        assertRestoreRefused(fullRange(), List.of(good, Arrays.copyOf(good, 100)), "key-group state #1", "truncated");
        assertRestoreRefused(fullRange(), List.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21, 22, 23, 24}), "key-group state #0", "magic");
    }

    @Test
    void sameKeyGroupInTwoBlobs_isRefused() throws IOException {
        KeyedStateBackend original = fullRange();
        fill(List.of(original), 1, 10);
        byte[] bytes = original.snapshot(1).write();
        assertRestoreRefused(fullRange(), List.of(bytes, bytes), "more than one key-group state");
    }

    @Test
    void restoredStateOfAnotherKind_isRefusedNamingTheState() throws IOException {
        KeyedStateBackend original = withValue("x", 1L);
        byte[] bytes = original.snapshot(1).write();
        KeyedStateBackend target = fullRange();
        target.listState("x");
        assertRestoreRefused(target, List.of(bytes), "'x' is registered as LIST", "VALUE");
    }

    @Test
    void restoreAfterStateWasWritten_isRefused() {
        KeyedStateBackend backend = withValue("v", 1L);
        assertThatThrownBy(() -> backend.restore(List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before the first state write");
    }

    @Test
    void statesRegisteredBeforeRestoreKeepWorkingAfterIt() throws IOException {
        KeyedStateBackend original = withValue("restored", 1L);
        byte[] bytes = original.snapshot(1).write();

        KeyedStateBackend target = fullRange();
        ValueState<Long> early = target.valueState("early");
        ValueState<Long> restoredView = target.valueState("restored");
        target.restore(List.of(bytes));
        target.setCurrentKey("k");
        early.update(2L);
        assertThat(restoredView.value()).isEqualTo(1L);
        assertThat(early.value()).isEqualTo(2L);
    }

    @Test
    void restoredListsAndMapsStayIsolatedFromSnapshotsTakenAfterwards() throws IOException {
        KeyedStateBackend original = fullRange();
        original.setCurrentKey("k");
        original.listState("l").add("a");
        original.mapState("m").put("x", 1);
        KeyedStateBackend restored = fullRange();
        restored.restore(List.of(original.snapshot(1).write()));
        restored.setCurrentKey("k");
        KeyedStateBackend.KeyedSnapshot snapshot = restored.snapshot(2);
        restored.listState("l").add("b");
        restored.mapState("m").put("y", 2);
        KeyedStateBackend again = fullRange();
        again.restore(List.of(snapshot.write()));
        again.setCurrentKey("k");
        assertThat(again.listState("l").get()).containsExactly("a");
        assertThat(again.mapState("m").entries()).containsOnly(Map.entry("x", 1));
        assertThat(restored.listState("l").get()).containsExactly("a", "b");
    }

    @Test
    void snapshotTakenBeforeRestore_staysEmpty() throws IOException {
        KeyedStateBackend source = withValue("v", 1L);
        byte[] bytes = source.snapshot(1).write();

        KeyedStateBackend target = fullRange();
        target.valueState("v");
        KeyedStateBackend.KeyedSnapshot early = target.snapshot(0);
        target.restore(List.of(bytes));

        KeyedStateBackend fromEarly = fullRange();
        fromEarly.restore(List.of(early.write()));
        assertThat(asHeap(List.of(fromEarly)).numberOfEntries()).isZero();
        target.setCurrentKey("k");
        assertThat(target.valueState("v").value()).isEqualTo(1L);
    }

    // ---- concurrency --------------------------------------------------------------------------------------------

    @Test
    void writerThreadHammeringUpdatesDuringWrite_neverChangesWhatTheSnapshotsHold() throws Exception {
        int keys = 3_000;
        KeyedStateBackend backend = fullRange();
        CompletableFuture<List<KeyedStateBackend.KeyedSnapshot>> snapshots = new CompletableFuture<>();
        CountDownLatch mutatedAfterSnapshots = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> taskFailure = new AtomicReference<>();

        Thread task = new Thread(() -> {
            try {
                ValueState<Long> count = backend.valueState("count");
                ListState<Long> seen = backend.listState("seen");
                MapState<String, Long> attrs = backend.mapState("attrs");
                for (int k = 0; k < keys; k++) {
                    backend.setCurrentKey(k);
                    count.update(1L);
                    seen.add(1L);
                    attrs.put("v", 1L);
                }
                KeyedStateBackend.KeyedSnapshot first = backend.snapshot(1);
                for (int k = 0; k < keys; k++) {
                    backend.setCurrentKey(k);
                    count.update(2L);
                    seen.add(2L);
                    attrs.put("v", 2L);
                }
                KeyedStateBackend.KeyedSnapshot second = backend.snapshot(2);
                snapshots.complete(List.of(first, second));
                long round = 3;
                while (!stop.get()) {
                    for (int k = 0; k < keys && !stop.get(); k++) {
                        backend.setCurrentKey(k);
                        count.update(round);
                        seen.add(round);
                        if (k % 3 == 0) {
                            seen.update(List.of(round));
                        }
                        attrs.put("v", round);
                        attrs.put("r" + (round % 4), round);
                        if (k % 7 == 0) {
                            count.clear();
                        }
                    }
                    round++;
                    mutatedAfterSnapshots.countDown();
                }
            } catch (Throwable t) {
                taskFailure.set(t);
                snapshots.completeExceptionally(t);
                mutatedAfterSnapshots.countDown();
            }
        }, "task-thread");
        task.start();

        List<KeyedStateBackend.KeyedSnapshot> taken = snapshots.get(30, TimeUnit.SECONDS);
        assertThat(mutatedAfterSnapshots.await(30, TimeUnit.SECONDS)).isTrue();
        byte[] secondBytes = taken.get(1).write();
        byte[] firstBytes = taken.get(0).write();
        stop.set(true);
        task.join(30_000);
        assertThat(taskFailure.get()).isNull();

        assertRestoresUniformly(firstBytes, keys, 1L, List.of(1L));
        assertRestoresUniformly(secondBytes, keys, 2L, List.of(1L, 2L));
    }

    private void assertRestoresUniformly(byte[] bytes, int keys, long value, List<Long> list) throws Exception {
        KeyedStateBackend restored = fullRange();
        restored.restore(List.of(bytes));
        ValueState<Long> count = restored.valueState("count");
        ListState<Long> seen = restored.listState("seen");
        MapState<String, Long> attrs = restored.mapState("attrs");
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            restored.setCurrentKey(k);
            if (!Long.valueOf(value).equals(count.value()) || !seen.get().equals(list)
                    || !attrs.entries().equals(Map.of("v", value))) {
                wrong.add("key " + k + ": " + count.value() + " " + seen.get() + " " + attrs.entries());
            }
        }
        assertThat(wrong).as("keys whose state differs from the snapshot moment").isEmpty();
        assertThat(asHeap(List.of(restored)).numberOfEntries()).isEqualTo(3L * keys);
    }
}
