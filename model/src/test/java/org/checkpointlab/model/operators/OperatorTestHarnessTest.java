package org.checkpointlab.model.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.checkpointlab.model.operators.OperatorTestHarness.operator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.model.state.rocksdb.MemorySharedFileStore;
import org.checkpointlab.model.state.rocksdb.RocksDbStateBackendFactory;
import org.checkpointlab.model.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: records, processing time, snapshot after a record, restore, rescaling, chains. */
class OperatorTestHarnessTest {

    @TempDir
    Path rocksDir;

    @Test
    void keyedCount_restoredFromASnapshotAfterAnyRecord_goesOnCounting() throws Exception {
        OperatorTestHarness.Snapshot snapshot;
        try (OperatorTestHarness h = OperatorTestHarness.forChain(operator("count", "keyed-count", Map.of())).open()) {
            h.processElement("a", "x", 1);
            h.processElement("b", "x", 2);
            h.processElement("a", "x", 3);
            snapshot = h.snapshot(1);
            h.processElement("a", "x", 4); // after the snapshot: lost with the failure
            assertThat(h.output()).extracting(StreamRecord::value).containsExactly(1L, 1L, 2L, 3L);
        }
        try (OperatorTestHarness restored = OperatorTestHarness.forChain(operator("count", "keyed-count", Map.of()))
                .restoreFrom(List.of(snapshot)).open()) {
            restored.processElement("a", "x", 4);
            restored.processElement("b", "x", 5);
            assertThat(restored.output()).containsExactly(new StreamRecord("a", 3L, 4), new StreamRecord("b", 2L, 5));
        }
    }

    @Test
    void processingTimeWindow_firesWhenTheClockPassesItsEnd_andAnOpenWindowSurvivesARestore() throws Exception {
        var window = operator("win", "tumbling-window-count", Map.of("size", 100L, "unit", "ms"));
        OperatorTestHarness.Snapshot snapshot;
        try (OperatorTestHarness h = OperatorTestHarness.forChain(window).processingTime(10).open()) {
            h.processElement("k", 1, 1);
            h.setProcessingTime(50);
            h.processElement("k", 1, 2);
            h.setProcessingTime(99);
            assertThat(h.output()).isEmpty();
            snapshot = h.snapshot(1);
        }
        try (OperatorTestHarness restored = OperatorTestHarness.forChain(window).processingTime(99)
                .restoreFrom(List.of(snapshot)).open()) {
            restored.processElement("k", 1, 3);
            restored.setProcessingTime(100);
            assertThat(restored.output()).containsExactly(new StreamRecord("k", 3L, 100));
            restored.setProcessingTime(250);
            assertThat(restored.output()).hasSize(1);
        }
    }

    @Test
    void snapshotsOfTwoSubtasks_restoreIntoThree_byKeyGroup() throws Exception {
        var count = List.of(operator("count", "keyed-count", Map.of()));
        List<OperatorTestHarness.Snapshot> snapshots;
        try (ParallelOperatorTestHarness two = ParallelOperatorTestHarness.open(count, 2, 128, 0, List.of())) {
            for (int k = 0; k < 60; k++) {
                two.processElement("key-" + k, "x", k);
            }
            snapshots = two.snapshot(1);
        }
        try (ParallelOperatorTestHarness three = ParallelOperatorTestHarness.open(count, 3, 128, 0, snapshots)) {
            for (int k = 0; k < 60; k++) {
                three.processElement("key-" + k, "x", 100 + k);
            }
            assertThat(three.output()).allSatisfy(r -> assertThat(r.value()).isEqualTo(2L));
            assertThat(three.output()).extracting(r -> KeyGroups.assignKeyToOperator(r.key(), 128, 3))
                    .containsOnly(0, 1, 2);
        }
    }

    @Test
    void aChain_feedsEachOperatorsOutputToTheNext() throws Exception {
        try (OperatorTestHarness h = OperatorTestHarness.forChain(operator("sum", "keyed-sum", Map.of()),
                operator("even", "filter", Map.of("modulo", 2L, "remainder", 0L))).open()) {
            h.processElement("a", 1L, 1);
            h.processElement("a", 1L, 2);
            h.processElement("a", 3L, 3);
            h.processElement("a", 2L, 4);
            // running sums 1, 2, 5, 7: only 2 is even
            assertThat(h.output()).containsExactly(new StreamRecord("a", 2L, 2));
        }
    }

    @Test
    void aHeapSnapshot_restoresIntoRocksDb() throws Exception {
        var dedup = operator("dedup", "dedup", Map.of());
        OperatorTestHarness.Snapshot snapshot;
        try (OperatorTestHarness h = OperatorTestHarness.forChain(dedup).open()) {
            h.processElement("a", 1, 1);
            h.processElement("a", 2, 2);
            snapshot = h.snapshot(1);
        }
        try (OperatorTestHarness restored = OperatorTestHarness.forChain(dedup)
                .stateBackends(new RocksDbStateBackendFactory(false, new MemorySharedFileStore(), rocksDir))
                .restoreFrom(List.of(snapshot)).open()) {
            restored.processElement("a", 2, 3);
            restored.processElement("a", 3, 4);
            assertThat(restored.output()).containsExactly(new StreamRecord("a", 3, 4));
        }
    }
}
