package org.checkpointlab.model.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.checkpointlab.model.operators.OperatorTestHarness.operator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.runtime.HeapStateBackendFactory;
import org.checkpointlab.model.state.StateBackendFactory;
import org.checkpointlab.model.state.rocksdb.MemorySharedFileStore;
import org.checkpointlab.model.state.rocksdb.RocksDbStateBackendFactory;
import org.checkpointlab.model.streamrecord.StreamRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exactly-once at the operator level, for every stateful operator kind: a seeded random input (keys of two types,
 * small values, processing time advancing by random steps) runs once without failure; then again with a snapshot
 * after a random record, more records processed and lost in a failure, and a restore into fresh operators at a random
 * parallelism (key groups redistributed; every few seeds into RocksDB) that replays the input from the snapshot on.
 * The output committed up to the snapshot plus the restored operators' output equals the failure-free run's, record
 * for record. Records emitted at the same moment by different subtasks (window ends) are compared in key order, as
 * their order depends only on which subtask holds which key.
 *
 * <p>The default suite runs {@value #DEFAULT_SEEDS} seeds per operator; {@code -Dcheckpointlab.operatorSeeds=N}
 * runs N (the {@code long-tests} profile runs more), {@code -Dcheckpointlab.operatorSeed=S} just seed S.
 */
class StatefulOperatorsRandomizedTest {
    private static final int DEFAULT_SEEDS = 12;

    @TempDir
    Path rocksDir;

    static Stream<Arguments> cases() {
        Map<String, List<OperatorSpec>> operators = Map.of(
                "keyed-count", List.of(operator("count", "keyed-count", Map.of())),
                "keyed-sum", List.of(operator("sum", "keyed-sum", Map.of())),
                "dedup", List.of(operator("dedup", "dedup", Map.of())),
                "count-window", List.of(operator("win", "tumbling-window-count", Map.of("size", 3L))),
                "time-window", List.of(operator("win", "tumbling-window-count",
                        Map.of("size", 100L, "unit", "ms"))),
                "keyed-sum-then-filter", List.of(operator("sum", "keyed-sum", Map.of()),
                        operator("odd", "filter", Map.of("modulo", 2L, "remainder", 1L))));
        Long only = Long.getLong("checkpointlab.operatorSeed");
        int seeds = Integer.getInteger("checkpointlab.operatorSeeds", DEFAULT_SEEDS);
        List<Arguments> cases = new ArrayList<>();
        for (String name : operators.keySet().stream().sorted().toList()) {
            for (long seed = 1; seed <= (only != null ? 1 : seeds); seed++) {
                cases.add(Arguments.of(name, only != null ? only : seed, operators.get(name)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void restoreAfterARandomRecord_committedPlusRestoredOutputEqualsAFailureFreeRun(
            String name, long seed, List<OperatorSpec> chain) throws Exception {
        Random random = new Random(seed * 31 + name.hashCode());
        int n = 100 + random.nextInt(300);
        int keyCount = 1 + random.nextInt(40);
        List<StreamRecord> input = new ArrayList<>();
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(keyCount);
            Object key = k % 2 == 0 ? "k" + k : (Object) (long) k;
            input.add(new StreamRecord(key, (long) random.nextInt(6), i));
            time[i] = (i == 0 ? 0 : time[i - 1]) + random.nextInt(40);
        }
        int maxParallelism = List.of(8, 16, 128).get(random.nextInt(3));
        int before = 1 + random.nextInt(4);
        int after = 1 + random.nextInt(4);
        int snapshotAfter = random.nextInt(n);
        int failAfter = snapshotAfter + random.nextInt(n - snapshotAfter);
        boolean rocksDb = seed % 4 == 0;
        String run = name + " seed " + seed + ": " + n + " records, " + keyCount + " keys, max parallelism "
                + maxParallelism + ", parallelism " + before + " -> " + after + (rocksDb ? " (RocksDB)" : "")
                + ", snapshot after record " + snapshotAfter + ", failure after record " + failAfter;

        // The failure-free run.
        List<StreamRecord> expected;
        try (ParallelOperatorTestHarness clean = ParallelOperatorTestHarness.open(chain, before, maxParallelism,
                0, List.of())) {
            drive(clean, input, time, 0, n - 1);
            clean.endInput();
            expected = clean.output();
        }

        // The run with a failure: snapshot, go on, fail, restore at another parallelism, replay.
        List<StreamRecord> combined = new ArrayList<>();
        List<OperatorTestHarness.Snapshot> snapshot;
        try (ParallelOperatorTestHarness failing = ParallelOperatorTestHarness.open(chain, before, maxParallelism,
                0, List.of())) {
            drive(failing, input, time, 0, snapshotAfter);
            snapshot = failing.snapshot(1);
            combined.addAll(failing.takeOutput()); // committed when checkpoint 1 completes
            drive(failing, input, time, snapshotAfter + 1, failAfter); // lost in the failure
        }
        StateBackendFactory backends = rocksDb
                ? new RocksDbStateBackendFactory(false, new MemorySharedFileStore(), rocksDir)
                : new HeapStateBackendFactory();
        try (ParallelOperatorTestHarness restored = ParallelOperatorTestHarness.open(chain, after, maxParallelism,
                time[snapshotAfter], snapshot, backends)) {
            drive(restored, input, time, snapshotAfter + 1, n - 1);
            restored.endInput();
            combined.addAll(restored.output());
        }

        assertThat(inEmissionOrder(combined)).as(run).containsExactlyElementsOf(inEmissionOrder(expected));
        assertThat(expected).as(run).isNotEmpty();
    }

    /** Records {@code from}..{@code to} (inclusive), each after the clock was set to its time. */
    private static void drive(ParallelOperatorTestHarness h, List<StreamRecord> input, long[] time, int from, int to)
            throws Exception {
        for (int i = from; i <= to; i++) {
            h.setProcessingTime(time[i]);
            StreamRecord r = input.get(i);
            h.processElement(r.key(), r.value(), r.seq());
        }
    }

    /** Emission order, with records of the same moment (same seq) in key order. */
    private static List<StreamRecord> inEmissionOrder(List<StreamRecord> records) {
        List<StreamRecord> out = new ArrayList<>();
        int i = 0;
        while (i < records.size()) {
            int j = i;
            while (j < records.size() && records.get(j).seq() == records.get(i).seq()) {
                j++;
            }
            List<StreamRecord> moment = new ArrayList<>(records.subList(i, j));
            moment.sort(Comparator.comparing(r -> String.valueOf(r.key())));
            out.addAll(moment);
            i = j;
        }
        return out;
    }
}
