package org.checkpointlab.model.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.checkpointlab.model.state.HeapKeyedStateBackend;
import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyGroupStateFormat;
import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.KeyedStateBackend.KeyedSnapshot;
import org.checkpointlab.model.state.ListState;
import org.checkpointlab.model.state.MapState;
import org.checkpointlab.model.state.ValueState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the RocksDB backend: format compatibility, incremental checkpoints, files and errors. */
class RocksDbKeyedStateBackendTest {

    private static final int MAX_P = 128;
    private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_P - 1);

    @TempDir
    Path local;

    @TempDir
    Path sharedDir;

    private final List<KeyedStateBackend> created = new ArrayList<>();

    @AfterEach
    void closeAll() {
        created.forEach(KeyedStateBackend::close);
    }

    private RocksDbKeyedStateBackend rocks(KeyGroupRange range, SharedFileStore store, boolean incremental) {
        RocksDbKeyedStateBackend backend = new RocksDbKeyedStateBackend(range, MAX_P, local, "count-" + range.start(),
                store, incremental);
        created.add(backend);
        return backend;
    }

    private RocksDbKeyedStateBackend full(KeyGroupRange range) {
        return rocks(range, null, false);
    }

    private RocksDbKeyedStateBackend incremental(KeyGroupRange range, SharedFileStore store) {
        return rocks(range, store, true);
    }

    /** Every (state, key) entry of a backend, as "state/key" -> value, read from a savepoint. */
    private static Map<String, Object> contents(KeyedStateBackend backend) throws IOException {
        Map<String, Object> out = new HashMap<>();
        KeyGroupStateFormat.Reader reader = KeyGroupStateFormat.reader(backend.snapshot(999, true).write());
        KeyGroupRange range = reader.keyGroupRange();
        for (int g = range.start(); g <= range.end(); g++) {
            reader.readKeyGroup(g, (group, name, kind, key, value) -> out.put(name + "/" + key, value));
        }
        return out;
    }

    private static void apply(KeyedStateBackend backend, Object key, long value) {
        backend.setCurrentKey(key);
        backend.<Long>valueState("count").update(value);
        backend.<Long>listState("recent").add(value);
        backend.<String, Long>mapState("byParity").put(value % 2 == 0 ? "even" : "odd", value);
    }

    @Test
    void canonicalFormat_heapToRocksDbToHeap_givesEqualState() throws IOException {
        HeapKeyedStateBackend heap = new HeapKeyedStateBackend(ALL, MAX_P);
        for (int k = 0; k < 2_000; k++) {
            apply(heap, k % 3 == 0 ? "user-" + k : (Object) (long) k, k);
        }
        RocksDbKeyedStateBackend rocks = full(ALL);
        rocks.restore(List.of(heap.snapshot(1).write()));
        rocks.setCurrentKey("user-0");
        rocks.<Long>listState("recent").add(42L);
        heap.setCurrentKey("user-0");
        heap.<Long>listState("recent").add(42L);

        HeapKeyedStateBackend back = new HeapKeyedStateBackend(ALL, MAX_P);
        back.restore(List.of(rocks.snapshot(2).write()));
        assertThat(contents(back)).isEqualTo(contents(heap)).hasSize(6_000);
        assertThat(back.numberOfEntries()).isEqualTo(heap.numberOfEntries());
    }

    @Test
    void incrementalCheckpoints_uploadOnlyNewFiles_andTheLastOneRestoresExactlyTheState() throws IOException {
        int keys = 100_000;
        MemorySharedFileStore store = new MemorySharedFileStore();
        RocksDbKeyedStateBackend rocks = incremental(ALL, store);
        HeapKeyedStateBackend reference = new HeapKeyedStateBackend(ALL, MAX_P);
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < keys; k++) {
            rocks.setCurrentKey((long) k);
            rocks.<Long>valueState("count").update((long) k);
            reference.setCurrentKey((long) k);
            reference.<Long>valueState("count").update((long) k);
        }
        List<long[]> sizes = new ArrayList<>();
        byte[] last = null;
        for (int checkpoint = 1; checkpoint <= 10; checkpoint++) {
            if (checkpoint > 1) {
                for (int i = 0; i < keys / 10; i++) {
                    long key = random.nextInt(keys);
                    long value = random.nextLong();
                    rocks.setCurrentKey(key);
                    rocks.<Long>valueState("count").update(value);
                    reference.setCurrentKey(key);
                    reference.<Long>valueState("count").update(value);
                }
            }
            KeyedSnapshot snapshot = rocks.snapshot(checkpoint);
            last = snapshot.write();
            sizes.add(new long[] {snapshot.checkpointedSize(), snapshot.fullSize(), last.length});
        }
        assertThat(IncrementalManifest.isManifest(last)).isTrue();
        assertThat(sizes.get(0)[0]).as("the first checkpoint uploads everything").isEqualTo(sizes.get(0)[1]);
        // Level compaction (Flink's default) merges the level-0 files into level 1 after every fourth flush; with a
        // state this small level 1 is the whole state, so that checkpoint uploads a rewritten copy of nearly all
        // of it, as a real job with small state shows. Every other checkpoint uploads just its flush.
        long deltasOnly = sizes.subList(1, sizes.size()).stream().filter(s -> s[0] < s[1] / 5).count();
        assertThat(deltasOnly).as("checkpoints 2..10 that upload only their flush (< 20 %% of full size)")
                .isGreaterThanOrEqualTo(6);
        long uploaded = sizes.subList(1, sizes.size()).stream().mapToLong(s -> s[0]).sum();
        long fullSizes = sizes.subList(1, sizes.size()).stream().mapToLong(s -> s[1]).sum();
        assertThat(uploaded).as("bytes uploaded by checkpoints 2..10, against full checkpoints")
                .isLessThan(fullSizes / 2);
        assertThat(store.totalBytes()).as("the shared store holds the new SST bytes of every checkpoint")
                .isEqualTo(sizes.stream().mapToLong(s -> s[0] - s[2]).sum());

        RocksDbKeyedStateBackend restored = incremental(ALL, store);
        restored.restore(List.of(last));
        assertThat(contents(restored)).isEqualTo(contents(reference)).hasSize(keys);
    }

    @Test
    void aCheckpointWithNoChanges_uploadsNoSstFile() throws IOException {
        MemorySharedFileStore store = new MemorySharedFileStore();
        RocksDbKeyedStateBackend rocks = incremental(ALL, store);
        for (int k = 0; k < 1_000; k++) {
            apply(rocks, (long) k, k);
        }
        KeyedSnapshot first = rocks.snapshot(1);
        byte[] firstManifest = first.write();
        int files = store.fileCount();
        KeyedSnapshot second = rocks.snapshot(2);
        byte[] secondManifest = second.write();
        assertThat(files).isPositive();
        assertThat(store.fileCount()).isEqualTo(files);
        assertThat(second.checkpointedSize()).isEqualTo(secondManifest.length);
        assertThat(second.fullSize()).isEqualTo(first.fullSize() - firstManifest.length + secondManifest.length);
    }

    @Test
    void restoreFromAManifestOfAWiderRange_keepsOnlyTheOwnKeyGroups() throws IOException {
        DirectorySharedFileStore store = new DirectorySharedFileStore(sharedDir);
        RocksDbKeyedStateBackend wide = incremental(ALL, store);
        List<Object> keys = new ArrayList<>();
        for (int k = 0; k < 3_000; k++) {
            keys.add((long) k);
            apply(wide, (long) k, k);
        }
        byte[] manifest = wide.snapshot(1).write();

        KeyGroupRange firstThird = KeyGroups.rangeForOperatorIndex(MAX_P, 3, 0);
        RocksDbKeyedStateBackend narrow = incremental(firstThird, store);
        narrow.restore(List.of(manifest));
        // the restored database must not carry the other key groups into its next incremental checkpoint
        byte[] next = narrow.snapshot(2).write();
        RocksDbKeyedStateBackend again = incremental(ALL, store);
        again.restore(List.of(next));
        long owned = keys.stream().filter(k -> KeyGroups.assignKeyToOperator(k, MAX_P, 3) == 0).count();
        assertThat(contents(again)).hasSize((int) (3 * owned));
        assertThat(contents(again).keySet()).allSatisfy(entry -> {
            long key = Long.parseLong(entry.substring(entry.indexOf('/') + 1));
            assertThat(KeyGroups.assignKeyToOperator(key, MAX_P, 3)).isZero();
        });
    }

    @Test
    void restoreMixingAManifestAndCanonicalState_takesEachKeyGroupFromWhereItIs() throws IOException {
        MemorySharedFileStore store = new MemorySharedFileStore();
        KeyGroupRange left = KeyGroups.rangeForOperatorIndex(MAX_P, 2, 0);
        KeyGroupRange right = KeyGroups.rangeForOperatorIndex(MAX_P, 2, 1);
        RocksDbKeyedStateBackend rocksLeft = incremental(left, store);
        HeapKeyedStateBackend heapRight = new HeapKeyedStateBackend(right, MAX_P);
        HeapKeyedStateBackend reference = new HeapKeyedStateBackend(ALL, MAX_P);
        for (long k = 0; k < 2_000; k++) {
            KeyedStateBackend owner = KeyGroups.assignKeyToOperator(k, MAX_P, 2) == 0 ? rocksLeft : heapRight;
            apply(owner, k, k);
            apply(reference, k, k);
        }
        RocksDbKeyedStateBackend merged = incremental(ALL, store);
        merged.restore(List.of(rocksLeft.snapshot(1).write(), heapRight.snapshot(1).write()));
        assertThat(contents(merged)).isEqualTo(contents(reference));
    }

    @Test
    void workingDirectory_isDeletedOnClose_butOnlyOnceNoSnapshotReadsIt() throws IOException {
        RocksDbKeyedStateBackend rocks = full(ALL);
        Path directory = rocks.workingDirectory();
        assertThat(directory).isDirectory().startsWith(local);
        apply(rocks, "k", 1);
        KeyedSnapshot pending = rocks.snapshot(1);
        rocks.close();
        assertThat(directory).as("kept while a snapshot is pending").isDirectory();
        pending.write();
        assertThat(directory).doesNotExist();
    }

    @Test
    void aValueOfAnUnsupportedType_isRefusedAtUpdateNamingTheStateAndTheType() {
        RocksDbKeyedStateBackend rocks = full(ALL);
        rocks.setCurrentKey("k");
        ValueState<Object> session = rocks.valueState("session");
        assertThatThrownBy(() -> session.update(new StringBuilder("oops")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'session'").hasMessageContaining("java.lang.StringBuilder");
        assertThatThrownBy(() -> rocks.setCurrentKey(new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as a key");
    }

    @Test
    void aSharedFileThatIsGone_failsTheRestoreNamingTheFile() throws IOException {
        DirectorySharedFileStore store = new DirectorySharedFileStore(sharedDir);
        RocksDbKeyedStateBackend rocks = incremental(ALL, store);
        for (int k = 0; k < 100; k++) {
            apply(rocks, (long) k, k);
        }
        byte[] manifest = rocks.snapshot(1).write();
        Path sst;
        try (Stream<Path> files = Files.list(sharedDir)) {
            sst = files.filter(p -> p.toString().endsWith(".sst")).findFirst().orElseThrow();
        }
        Files.delete(sst);
        assertThatThrownBy(() -> incremental(ALL, store).restore(List.of(manifest)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("key-group state #0").hasMessageContaining(sst.getFileName().toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void aManifestWhoseFilesAreInAnotherJobsMemory_isRefusedWithAClearMessage() throws IOException {
        RocksDbKeyedStateBackend rocks = incremental(ALL, new MemorySharedFileStore());
        apply(rocks, "k", 1);
        byte[] manifest = rocks.snapshot(1).write();
        assertThatThrownBy(() -> incremental(ALL, new MemorySharedFileStore()).restore(List.of(manifest)))
                .isInstanceOf(IOException.class).hasMessageContaining("not in this job's memory");
    }

    @Test
    void manifestRoundTrips_andRejectsAFlippedByte() throws IOException {
        RocksDbKeyedStateBackend rocks = incremental(ALL, new MemorySharedFileStore());
        apply(rocks, "k", 1);
        byte[] bytes = rocks.snapshot(4).write();
        IncrementalManifest manifest = IncrementalManifest.parse(bytes);
        assertThat(manifest.checkpointId()).isEqualTo(4);
        assertThat(manifest.keyGroupRange()).isEqualTo(ALL);
        assertThat(manifest.states()).extracting(RegisteredState::name)
                .containsExactly("count", "recent", "byParity");
        assertThat(manifest.sstFiles()).isNotEmpty().allSatisfy(f -> assertThat(f.location()).startsWith("memory:"));
        assertThat(manifest.privateFiles()).extracting(IncrementalManifest.PrivateFile::name)
                .anyMatch(n -> n.startsWith("MANIFEST-")).contains("CURRENT");
        assertThat(manifest.toBytes()).isEqualTo(bytes);
        bytes[bytes.length / 3] ^= 4;
        assertThatThrownBy(() -> IncrementalManifest.parse(bytes))
                .isInstanceOf(IOException.class).hasMessageContaining("checksum mismatch");
    }

    @Test
    void listStateAppendsWithoutReading_andListsOfManyElementsRoundTrip() throws IOException {
        RocksDbKeyedStateBackend rocks = full(ALL);
        ListState<Object> list = rocks.listState("events");
        MapState<Object, Object> map = rocks.mapState("m");
        rocks.setCurrentKey("k");
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Object element = i % 2 == 0 ? (Object) ("e," + i) : (Object) List.of((long) i, ",");
            list.add(element);
            expected.add(element);
            map.put(i, "v" + i);
        }
        assertThat(list.get()).isEqualTo(expected);
        RocksDbKeyedStateBackend restored = full(ALL);
        restored.restore(List.of(rocks.snapshot(1).write()));
        restored.setCurrentKey("k");
        assertThat(restored.listState("events").get()).isEqualTo(expected);
        assertThat(restored.mapState("m").entries()).hasSize(500).containsEntry(499, "v499");
    }

    @Test
    void sizesForDisplay_comeFromRocksDbProperties() {
        RocksDbKeyedStateBackend rocks = full(ALL);
        assertThat(rocks.numberOfEntries()).isZero();
        assertThat(rocks.approximateSizeBytes()).isZero();
        for (int k = 0; k < 5_000; k++) {
            rocks.setCurrentKey((long) k);
            rocks.valueState("v").update("value-" + k);
        }
        assertThat(rocks.numberOfEntries()).isBetween(4_000L, 6_000L);
        assertThat(rocks.approximateSizeBytes()).isPositive();
    }
}
