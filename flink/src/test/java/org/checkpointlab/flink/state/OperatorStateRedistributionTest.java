package org.checkpointlab.flink.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.flink.runtime.checkpoint.RoundRobinOperatorStateRepartitioner;
import org.apache.flink.runtime.state.OperatorStateHandle;
import org.apache.flink.runtime.state.OperatorStreamStateHandle;
import org.apache.flink.runtime.state.memory.ByteStreamStateHandle;
import org.checkpointlab.model.state.HeapOperatorStateBackend;
import org.junit.jupiter.api.Test;

/**
 * On restore at another parallelism, the local engine gives each new subtask the same operator (non-keyed) state
 * as Flink's own {@link RoundRobinOperatorStateRepartitioner} would: for split list state (a source's split
 * offsets, a sink's pending transactions) the same elements per subtask, for union list state every element on every
 * subtask; for every pair of old and new parallelism from 1 to 12 (and some wider), with one or several named
 * states of random sizes.
 *
 * <p>Each element is a distinct number; on Flink's side it stands as the "offset" of its partition in the old
 * subtask's state handle, so the offsets Flink assigns to a new subtask name exactly the elements it gets.
 */
class OperatorStateRedistributionTest {

    /** Named states of one operator: split or union, and each old subtask's elements. */
    private record OldState(Map<String, Boolean> union, List<Map<String, List<Long>>> perOldSubtask) {
    }

    @Test
    void aSplitList_likeSourceSplitOffsets_isRedistributedAsFlinkDoes() throws IOException {
        SplittableRandom random = new SplittableRandom(16);
        int pairs = 0;
        for (int oldP = 1; oldP <= 12; oldP++) {
            for (int newP = 1; newP <= 12; newP++) {
                for (int round = 0; round < 3; round++) {
                    assertSameAsFlink(randomState(random, oldP, List.of("splits"), List.of()), newP);
                    pairs++;
                }
            }
        }
        for (int[] p : new int[][] {{1, 128}, {128, 1}, {7, 64}, {64, 7}, {32, 48}, {100, 3}}) {
            assertSameAsFlink(randomState(random, p[0], List.of("splits"), List.of()), p[1]);
            pairs++;
        }
        assertThat(pairs).isEqualTo(12 * 12 * 3 + 6);
    }

    @Test
    void severalSplitAndUnionLists_areRedistributedAsFlinkDoes() throws IOException {
        SplittableRandom random = new SplittableRandom(17);
        List<List<String>> splitNameSets = List.of(List.of("splits", "pending-transactions"),
                List.of("a", "b", "c"), List.of("offsets", "buffer", "pending", "x1", "x2"));
        for (int oldP = 1; oldP <= 10; oldP++) {
            for (int newP = 1; newP <= 10; newP++) {
                for (List<String> splitNames : splitNameSets) {
                    assertSameAsFlink(randomState(random, oldP, splitNames, List.of("restored-marker", "drained")),
                            newP);
                }
            }
        }
    }

    @Test
    void unionListsOnly_goWholeToEverySubtask() throws IOException {
        SplittableRandom random = new SplittableRandom(18);
        for (int oldP = 1; oldP <= 6; oldP++) {
            for (int newP = 1; newP <= 6; newP++) {
                assertSameAsFlink(randomState(random, oldP, List.of(), List.of("open-window-keys")), newP);
            }
        }
    }

    private static OldState randomState(SplittableRandom random, int oldParallelism, List<String> splitNames,
                                        List<String> unionNames) {
        Map<String, Boolean> union = new HashMap<>();
        splitNames.forEach(n -> union.put(n, false));
        unionNames.forEach(n -> union.put(n, true));
        long next = 1;
        List<Map<String, List<Long>>> perOld = new ArrayList<>();
        for (int old = 0; old < oldParallelism; old++) {
            Map<String, List<Long>> lists = new HashMap<>();
            for (String name : union.keySet()) {
                int size = union.get(name) ? random.nextInt(3) : random.nextInt(6);
                List<Long> elements = new ArrayList<>();
                for (int k = 0; k < size; k++) {
                    elements.add(next++);
                }
                lists.put(name, elements);
            }
            perOld.add(lists);
        }
        return new OldState(union, perOld);
    }

    private static void assertSameAsFlink(OldState state, int newParallelism) throws IOException {
        int oldParallelism = state.perOldSubtask().size();
        List<List<OperatorStateHandle>> flink = RoundRobinOperatorStateRepartitioner.INSTANCE.repartitionState(
                flinkHandles(state), oldParallelism, newParallelism);
        List<byte[]> local = localSnapshots(state);
        for (int subtask = 0; subtask < newParallelism; subtask++) {
            Map<String, List<Long>> expected = elementsOf(flink.get(subtask));
            Map<String, List<Long>> actual = restoredLocally(local, state, subtask, newParallelism);
            for (String name : state.union().keySet()) {
                assertThat(sorted(actual.get(name)))
                        .as("state '%s' of subtask %d, parallelism %d -> %d, old elements %s", name, subtask,
                                oldParallelism, newParallelism, state.perOldSubtask())
                        .isEqualTo(sorted(expected.getOrDefault(name, List.of())));
            }
        }
    }

    /** Per old subtask one handle whose partitions' offsets are the elements. */
    private static List<List<OperatorStateHandle>> flinkHandles(OldState state) {
        List<List<OperatorStateHandle>> handles = new ArrayList<>();
        for (int old = 0; old < state.perOldSubtask().size(); old++) {
            Map<String, OperatorStateHandle.StateMetaInfo> offsets = new HashMap<>();
            for (Map.Entry<String, List<Long>> e : state.perOldSubtask().get(old).entrySet()) {
                offsets.put(e.getKey(), new OperatorStateHandle.StateMetaInfo(
                        e.getValue().stream().mapToLong(Long::longValue).toArray(),
                        state.union().get(e.getKey()) ? OperatorStateHandle.Mode.UNION
                                : OperatorStateHandle.Mode.SPLIT_DISTRIBUTE));
            }
            handles.add(List.of(new OperatorStreamStateHandle(offsets,
                    new ByteStreamStateHandle("old-subtask-" + old, new byte[] {(byte) old}))));
        }
        return handles;
    }

    private static Map<String, List<Long>> elementsOf(List<OperatorStateHandle> handles) {
        Map<String, List<Long>> elements = new TreeMap<>();
        for (OperatorStateHandle h : handles) {
            for (Map.Entry<String, OperatorStateHandle.StateMetaInfo> e : h.getStateNameToPartitionOffsets().entrySet()) {
                List<Long> list = elements.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                for (long offset : e.getValue().getOffsets()) {
                    list.add(offset);
                }
            }
        }
        return elements;
    }

    private static List<byte[]> localSnapshots(OldState state) throws IOException {
        List<byte[]> snapshots = new ArrayList<>();
        for (Map<String, List<Long>> lists : state.perOldSubtask()) {
            HeapOperatorStateBackend backend = new HeapOperatorStateBackend();
            for (Map.Entry<String, List<Long>> e : lists.entrySet()) {
                if (state.union().get(e.getKey())) {
                    backend.<Long>unionListState(e.getKey()).update(e.getValue());
                } else {
                    backend.<Long>listState(e.getKey()).update(e.getValue());
                }
            }
            snapshots.add(backend.snapshot(1).write());
        }
        return snapshots;
    }

    private static Map<String, List<Long>> restoredLocally(List<byte[]> old, OldState state, int subtask,
                                                           int parallelism) throws IOException {
        HeapOperatorStateBackend backend = new HeapOperatorStateBackend();
        backend.restore(old, subtask, parallelism);
        Map<String, List<Long>> result = new TreeMap<>();
        for (String name : state.union().keySet()) {
            result.put(name, List.copyOf(state.union().get(name) ? backend.<Long>unionListState(name).get()
                    : backend.<Long>listState(name).get()));
        }
        return result;
    }

    private static List<Long> sorted(List<Long> elements) {
        return elements.stream().sorted().toList();
    }
}
