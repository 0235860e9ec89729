package org.checkpointlab.model.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Operator (non-keyed) state on the heap: named list states, like Flink's {@code DefaultOperatorStateBackend}.
 * The lists are small (source offsets, a sink's pending transactions), so {@link #snapshot} simply copies them and
 * {@link OperatorSnapshot#write()} serializes the copies in {@link OperatorStateFormat}.
 *
 * <p><b>Rescaling</b> ({@link #restore}): a {@link OperatorStateMode#SPLIT SPLIT} list keeps its elements when the
 * parallelism is unchanged; otherwise the elements of all old subtasks, concatenated in old-subtask order, are cut
 * into contiguous chunks, {@code n % p} subtasks getting one element more, as Flink's round-robin repartitioner
 * does (with one split list, the first {@code n % p} subtasks; with several, the subtasks with an extra element
 * rotate from one list to the next, see {@link #splitShares}). A {@link OperatorStateMode#UNION UNION} list goes
 * whole to every subtask. {@code OperatorStateRedistributionTest} (module flink) checks this against Flink's own
 * repartitioner.
 *
 * <p>Task thread only, except {@link OperatorSnapshot#write()}.
 */
public final class HeapOperatorStateBackend implements OperatorStateBackend {

    private final Map<String, HeapOperatorListState<?>> states = new LinkedHashMap<>();
    private boolean restored;

    @Override
    public <T> ListState<T> listState(String name) {
        return state(name, OperatorStateMode.SPLIT);
    }

    @Override
    public <T> ListState<T> unionListState(String name) {
        return state(name, OperatorStateMode.UNION);
    }

    /** Names of the registered (or restored) states, in registration order. */
    public List<String> stateNames() {
        return List.copyOf(states.keySet());
    }

    @Override
    public OperatorSnapshot snapshot(long checkpointId) {
        List<OperatorStateFormat.NamedList> copies = new ArrayList<>(states.size());
        for (HeapOperatorListState<?> state : states.values()) {
            copies.add(new OperatorStateFormat.NamedList(state.name, state.mode, List.copyOf(state.elements)));
        }
        return () -> OperatorStateFormat.write(copies);
    }

    /**
     * @throws IllegalArgumentException when {@code subtaskIndex} is not in {@code [0, parallelism)}
     * @throws IllegalStateException    when called twice, or after a state got elements
     * @throws IOException              on corrupt bytes, or when a state has another mode in some old subtask or
     *                                  here
     */
    @Override
    public void restore(List<byte[]> oldSubtaskStates, int subtaskIndex, int parallelism) throws IOException {
        if (parallelism < 1 || subtaskIndex < 0 || subtaskIndex >= parallelism) {
            throw new IllegalArgumentException("subtask index " + subtaskIndex + " is not in [0, " + parallelism
                    + ") (parallelism " + parallelism + ")");
        }
        if (restored) {
            throw new IllegalStateException("operator state was already restored");
        }
        for (HeapOperatorListState<?> state : states.values()) {
            if (!state.elements.isEmpty()) {
                throw new IllegalStateException("restore must come before operator state '" + state.name
                        + "' gets elements");
            }
        }
        restored = true;
        // Step 1: per state name, its mode and the elements of each old subtask (empty where it is absent).
        Map<String, OperatorStateMode> modes = new LinkedHashMap<>();
        Map<String, List<List<Object>>> perOldSubtask = new LinkedHashMap<>();
        int oldParallelism = oldSubtaskStates.size();
        for (int old = 0; old < oldParallelism; old++) {
            List<OperatorStateFormat.NamedList> lists;
            try {
                lists = OperatorStateFormat.read(oldSubtaskStates.get(old));
            } catch (IOException e) {
                throw new IOException("operator state of old subtask " + old + ": " + e.getMessage(), e);
            }
            for (OperatorStateFormat.NamedList list : lists) {
                OperatorStateMode known = modes.putIfAbsent(list.name(), list.mode());
                if (known != null && known != list.mode()) {
                    throw new IOException("operator state '" + list.name() + "' is " + known
                            + " in one old subtask but " + list.mode() + " in old subtask " + old);
                }
                List<List<Object>> chunks = perOldSubtask.computeIfAbsent(list.name(), n -> emptyLists(oldParallelism));
                chunks.set(old, list.elements());
            }
        }
        // Step 2: this subtask's share of each state.
        Map<String, List<Object>> splitShares = oldParallelism == parallelism ? Map.of()
                : splitShares(modes, perOldSubtask, subtaskIndex, parallelism);
        for (Map.Entry<String, OperatorStateMode> e : modes.entrySet()) {
            String name = e.getKey();
            OperatorStateMode mode = e.getValue();
            HeapOperatorListState<?> existing = states.get(name);
            if (existing != null && existing.mode != mode) {
                throw new IOException("operator state '" + name + "' is registered as " + existing.mode
                        + " but the checkpoint holds it as " + mode);
            }
            List<Object> share = splitShares.containsKey(name) ? splitShares.get(name)
                    : share(mode, perOldSubtask.get(name), subtaskIndex, parallelism);
            this.<Object>state(name, mode).elements.addAll(share);
        }
    }

    /**
     * Subtask {@code index}'s share of every split list at a new parallelism, as Flink's round-robin repartitioner
     * deals them: one state after the other, in the order of a hash map of their names; each state's elements in
     * contiguous chunks, the odd elements one each to the subtasks from a start subtask on; and the next state's
     * start is the first subtask that got no odd element, so that over several states the odd elements spread.
     */
    static Map<String, List<Object>> splitShares(Map<String, OperatorStateMode> modes,
                                                 Map<String, List<List<Object>>> perOldSubtask, int index,
                                                 int parallelism) {
        Map<String, List<List<Object>>> split = new java.util.HashMap<>();
        for (Map.Entry<String, OperatorStateMode> e : modes.entrySet()) {
            if (e.getValue() == OperatorStateMode.SPLIT) {
                split.put(e.getKey(), perOldSubtask.get(e.getKey()));
            }
        }
        Map<String, List<Object>> shares = new java.util.HashMap<>();
        int start = 0;
        for (Map.Entry<String, List<List<Object>>> e : split.entrySet()) {
            List<Object> all = new ArrayList<>();
            e.getValue().forEach(all::addAll);
            int base = all.size() / parallelism;
            int odd = all.size() % parallelism;
            int nextStart = start;
            int from = 0;
            for (int i = 0; i < parallelism; i++) {
                int subtask = (i + start) % parallelism;
                int size = base;
                if (odd > 0) {
                    size++;
                    odd--;
                } else if (odd == 0) {
                    nextStart = subtask; // the first subtask without an odd element starts the next state
                    odd--;
                }
                if (subtask == index) {
                    shares.put(e.getKey(), all.subList(from, from + size));
                }
                from += size;
            }
            start = nextStart;
        }
        return shares;
    }

    /** The elements subtask {@code index} of {@code parallelism} gets, from the old subtasks' lists in order. */
    static List<Object> share(OperatorStateMode mode, List<List<Object>> oldLists, int index, int parallelism) {
        if (mode == OperatorStateMode.SPLIT && oldLists.size() == parallelism) {
            return oldLists.get(index);
        }
        List<Object> all = new ArrayList<>();
        for (List<Object> list : oldLists) {
            all.addAll(list);
        }
        if (mode == OperatorStateMode.UNION) {
            return all;
        }
        int base = all.size() / parallelism;
        int remainder = all.size() % parallelism;
        int from = index * base + Math.min(index, remainder);
        int size = base + (index < remainder ? 1 : 0);
        return all.subList(from, from + size);
    }

    /** Sum of the elements' estimated serialized sizes; iterates the (small) lists. */
    @Override
    public long approximateSizeBytes() {
        long size = 0;
        for (HeapOperatorListState<?> state : states.values()) {
            size += 5 + state.name.length();
            for (Object element : state.elements) {
                try {
                    size += StateSerializer.sizeOf(element);
                } catch (IllegalArgumentException unsupportedType) {
                    // display only: the next checkpoint reports the type with the state's name
                }
            }
        }
        return size;
    }

    @SuppressWarnings("unchecked")
    private <T> HeapOperatorListState<T> state(String name, OperatorStateMode mode) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an operator state name must not be null or empty");
        }
        HeapOperatorListState<?> state = states.get(name);
        if (state == null) {
            state = new HeapOperatorListState<T>(name, mode);
            states.put(name, state);
        } else if (state.mode != mode) {
            throw new IllegalStateException("operator state '" + name + "' is registered as " + state.mode
                    + " list state; it cannot also be used as " + mode);
        }
        return (HeapOperatorListState<T>) state;
    }

    private static List<List<Object>> emptyLists(int count) {
        List<List<Object>> lists = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lists.add(List.of());
        }
        return lists;
    }

    @Override
    public String toString() {
        return "operator state " + Objects.toString(states.values());
    }
}
