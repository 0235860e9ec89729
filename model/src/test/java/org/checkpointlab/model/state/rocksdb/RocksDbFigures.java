package org.checkpointlab.model.state.rocksdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.checkpointlab.model.state.HeapKeyedStateBackend;
import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.ValueState;
import org.checkpointlab.model.util.Directories;

/**
 * Prints the figures of docs/rocksdb.md: snapshot write and restore times of the heap and RocksDB backends for a
 * million keys, and checkpointed against full size over ten incremental checkpoints with 10 % of the keys changing.
 * Not a test (nothing is asserted, timings depend on the machine); run by hand:
 * {@code java -cp <test and main classes, frocksdbjni> org.checkpointlab.model.state.rocksdb.RocksDbFigures}.
 */
public final class RocksDbFigures {

    private static final int MAX_P = 128;
    private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_P - 1);

    private RocksDbFigures() {
    }

    public static void main(String[] args) throws IOException {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path root = Files.createTempDirectory("rocksdb-figures");
        System.out.printf("keys: %,d (Long key -> Long value, one value state, max parallelism %d)%n", keys, MAX_P);

        fullSnapshotFigures("heap", new HeapKeyedStateBackend(ALL, MAX_P), new HeapKeyedStateBackend(ALL, MAX_P),
                keys);
        fullSnapshotFigures("rocksdb full",
                new RocksDbKeyedStateBackend(ALL, MAX_P, root.resolve("local"), "full", null, false),
                new RocksDbKeyedStateBackend(ALL, MAX_P, root.resolve("local"), "restored", null, false), keys);

        SharedFileStore store = new DirectorySharedFileStore(root.resolve("shared"));
        RocksDbKeyedStateBackend inc = new RocksDbKeyedStateBackend(ALL, MAX_P, root.resolve("local"), "inc", store,
                true);
        fill(inc, keys);
        SplittableRandom random = new SplittableRandom(1);
        byte[] manifest = null;
        long uploadedTotal = 0;
        long fullTotal = 0;
        long t;
        System.out.println("checkpoint | checkpointed (KiB) | full (KiB) | async ms");
        for (int n = 1; n <= 10; n++) {
            if (n > 1) {
                ValueState<Long> state = inc.valueState("count");
                for (int i = 0; i < keys / 10; i++) {
                    inc.setCurrentKey((long) random.nextInt(keys));
                    state.update(random.nextLong());
                }
            }
            t = System.nanoTime();
            KeyedStateBackend.KeyedSnapshot s = inc.snapshot(n);
            long syncNanos = System.nanoTime() - t;
            t = System.nanoTime();
            manifest = s.write();
            long asyncMillis = (System.nanoTime() - t) / 1_000_000;
            uploadedTotal += s.checkpointedSize();
            fullTotal += s.fullSize();
            System.out.printf("%d | %,d | %,d | %d (sync %.1f ms)%n", n, s.checkpointedSize() / 1024,
                    s.fullSize() / 1024, asyncMillis, syncNanos / 1e6);
        }
        System.out.printf("total uploaded %,d KiB against %,d KiB for ten full uploads%n", uploadedTotal / 1024,
                fullTotal / 1024);
        t = System.nanoTime();
        RocksDbKeyedStateBackend incRestored = new RocksDbKeyedStateBackend(ALL, MAX_P, root.resolve("local"),
                "inc-restored", store, true);
        incRestored.restore(List.of(manifest));
        report("rocksdb incremental: restore from manifest", t);
        incRestored.close();
        inc.close();
        Directories.deleteQuietly(root);
    }

    /** Fills {@code backend}, takes a full snapshot (sync phase, then write) and restores it into {@code target}. */
    private static void fullSnapshotFigures(String name, KeyedStateBackend backend, KeyedStateBackend target,
            int keys) throws IOException {
        long t = System.nanoTime();
        fill(backend, keys);
        report(name + ": fill", t);
        t = System.nanoTime();
        KeyedStateBackend.KeyedSnapshot sync = backend.snapshot(1);
        report(name + ": sync phase", t);
        t = System.nanoTime();
        byte[] blob = sync.write();
        report(name + ": snapshot write (" + blob.length / 1024 + " KiB)", t);
        t = System.nanoTime();
        target.restore(List.of(blob));
        report(name + ": restore", t);
        target.close();
        backend.close();
    }

    private static void fill(KeyedStateBackend backend, int keys) {
        ValueState<Long> state = backend.valueState("count");
        for (long k = 0; k < keys; k++) {
            backend.setCurrentKey(k);
            state.update(k);
        }
    }

    private static void report(String what, long startNanos) {
        System.out.printf("%s: %.0f ms%n", what, (System.nanoTime() - startNanos) / 1e6);
    }
}
