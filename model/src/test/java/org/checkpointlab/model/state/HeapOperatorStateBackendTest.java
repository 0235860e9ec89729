package org.checkpointlab.model.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapOperatorStateBackendTest {

    private static byte[] stateWith(String splitName, List<Object> split, String unionName, List<Object> union)
            throws IOException {
        HeapOperatorStateBackend backend = new HeapOperatorStateBackend();
        backend.listState(splitName).update(split);
        backend.unionListState(unionName).update(union);
        return backend.snapshot(1).write();
    }

    private static List<Object> restoredSplit(List<byte[]> old, int index, int parallelism) throws IOException {
        HeapOperatorStateBackend backend = new HeapOperatorStateBackend();
        backend.restore(old, index, parallelism);
        return List.copyOf(backend.listState("offsets").get());
    }

    @Test
    void snapshotCopiesTheLists_laterChangesAreNotWritten() throws IOException {
        HeapOperatorStateBackend backend = new HeapOperatorStateBackend();
        ListState<Long> offsets = backend.listState("offsets");
        offsets.add(10L);
        OperatorStateBackend.OperatorSnapshot snapshot = backend.snapshot(1);
        offsets.add(11L);

        HeapOperatorStateBackend restored = new HeapOperatorStateBackend();
        restored.restore(List.of(snapshot.write()), 0, 1);
        assertThat(restored.listState("offsets").get()).containsExactly(10L);
    }

    @Test
    void sameParallelism_eachSubtaskGetsItsOwnOldList() throws IOException {
        List<byte[]> old = List.of(
                stateWith("offsets", List.of(1L, 2L, 3L), "u", List.of()),
                stateWith("offsets", List.of(4L), "u", List.of()));
        assertThat(restoredSplit(old, 0, 2)).containsExactly(1L, 2L, 3L);
        assertThat(restoredSplit(old, 1, 2)).containsExactly(4L);
    }

    @Test
    void splitListFromTwoToThree_isDealtInContiguousChunksInOldSubtaskOrder() throws IOException {
        List<byte[]> old = List.of(
                stateWith("offsets", List.of(1L, 2L, 3L), "u", List.of()),
                stateWith("offsets", List.of(4L, 5L, 6L, 7L), "u", List.of()));
        // 7 elements over 3 subtasks: 3, 2, 2
        assertThat(restoredSplit(old, 0, 3)).containsExactly(1L, 2L, 3L);
        assertThat(restoredSplit(old, 1, 3)).containsExactly(4L, 5L);
        assertThat(restoredSplit(old, 2, 3)).containsExactly(6L, 7L);
    }

    @Test
    void splitListFromTwoToOne_getsEverything_andFromOneToFour_someGetNothing() throws IOException {
        List<byte[]> two = List.of(
                stateWith("offsets", List.of("a"), "u", List.of()),
                stateWith("offsets", List.of("b", "c"), "u", List.of()));
        assertThat(restoredSplit(two, 0, 1)).containsExactly("a", "b", "c");

        List<byte[]> one = List.of(stateWith("offsets", List.of("a", "b"), "u", List.of()));
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.addAll(restoredSplit(one, i, 4));
        }
        assertThat(all).containsExactly("a", "b");
        assertThat(restoredSplit(one, 3, 4)).isEmpty();
    }

    @Test
    void unionList_goesWholeToEverySubtask() throws IOException {
        List<byte[]> old = List.of(
                stateWith("offsets", List.of(), "txns", List.of("t1")),
                stateWith("offsets", List.of(), "txns", List.of("t2", "t3")));
        for (int i = 0; i < 3; i++) {
            HeapOperatorStateBackend backend = new HeapOperatorStateBackend();
            backend.restore(old, i, 3);
            assertThat(backend.unionListState("txns").get()).as("subtask %d", i).containsExactly("t1", "t2", "t3");
        }
    }

    @Test
    void stateRegisteredWithAnotherMode_isRefusedOnUseAndOnRestore() throws IOException {
        HeapOperatorStateBackend backend = new HeapOperatorStateBackend();
        backend.listState("offsets");
        assertThatThrownBy(() -> backend.unionListState("offsets"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'offsets' is registered as SPLIT");

        byte[] old = stateWith("x", List.of(), "offsets", List.of(1L));
        assertThatThrownBy(() -> backend.restore(List.of(old), 0, 1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'offsets' is registered as SPLIT").hasMessageContaining("UNION");
    }

    @Test
    void corruptBytes_areAnIOExceptionNamingTheOldSubtask() throws IOException {
        byte[] good = stateWith("offsets", List.of(1L, 2L), "u", List.of());
        byte[] corrupt = good.clone();
        corrupt[corrupt.length - 6] ^= 0x40;
        assertThatThrownBy(() -> new HeapOperatorStateBackend().restore(List.of(good, corrupt), 0, 2))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("old subtask 1").hasMessageContaining("corrupt or truncated");
        byte[] newer = good.clone();
        newer[7] = 2;
        assertThatThrownBy(() -> new HeapOperatorStateBackend().restore(List.of(newer), 0, 1))
                .isInstanceOf(IOException.class).hasMessageContaining("version 2");
    }

    @Test
    void badSubtaskIndex_isRefused() {
        assertThatThrownBy(() -> new HeapOperatorStateBackend().restore(List.of(), 2, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subtask index 2");
    }

    @Test
    void nullElements_areRefusedNamingTheState() {
        HeapOperatorStateBackend backend = new HeapOperatorStateBackend();
        assertThatThrownBy(() -> backend.listState("offsets").add(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("'offsets'");
    }

    @Test
    void approximateSize_countsTheElements() {
        HeapOperatorStateBackend backend = new HeapOperatorStateBackend();
        long empty = backend.approximateSizeBytes();
        backend.listState("offsets").add(1L);
        assertThat(backend.approximateSizeBytes()).isGreaterThan(empty);
    }
}
