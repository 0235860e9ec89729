package org.checkpointlab.views.savepoints;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.checkpointlab.model.savepoint.SavepointMetadata;
import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyGroups;

/**
 * Which key groups a subtask of a restored operator took over, and from which old subtasks: on restore with a new
 * parallelism, new subtask {@code i} owns {@link KeyGroups#rangeForOperatorIndex} and reads those key groups from
 * every saved subtask whose range overlaps it (Flink's {@code StateAssignmentOperation}).
 *
 * @param operatorId the operator
 * @param subtask    the new subtask index
 * @param range      the key groups it owns now
 * @param sources    the old subtasks it read them from, with the part each contributed
 */
public record KeyGroupTakeover(String operatorId, int subtask, KeyGroupRange range, List<Source> sources) {

    /** The part {@code range} of the new range that came from old subtask {@code oldSubtask}. */
    public record Source(int oldSubtask, KeyGroupRange range) {
        @Override
        public String toString() {
            return "#" + oldSubtask + " " + range;
        }
    }

    public KeyGroupTakeover {
        sources = List.copyOf(sources);
    }

    /** "#0 [0..63], #1 [64..95]". */
    public String sourcesText() {
        return sources.stream().map(Source::toString).collect(Collectors.joining(", "));
    }

    /**
     * The takeover table of one saved keyed operator restored at {@code newParallelism}; empty when the operator
     * has no keyed state (its operator state is redistributed, not split by key group).
     *
     * @throws IllegalArgumentException when {@code newParallelism} is not in 1..max parallelism
     */
    public static List<KeyGroupTakeover> of(SavepointMetadata.OperatorEntry saved, int newParallelism) {
        KeyGroups.checkParallelism(saved.maxParallelism(), newParallelism);
        boolean keyed = saved.subtasks().stream().anyMatch(s -> s.keyedFile() != null);
        if (!keyed) {
            return List.of();
        }
        List<KeyGroupTakeover> rows = new ArrayList<>();
        for (int i = 0; i < newParallelism; i++) {
            KeyGroupRange range = KeyGroups.rangeForOperatorIndex(saved.maxParallelism(), newParallelism, i);
            List<Source> sources = new ArrayList<>();
            for (SavepointMetadata.SubtaskEntry old : saved.subtasks()) {
                KeyGroupRange part = range.intersection(new KeyGroupRange(old.keyGroupStart(), old.keyGroupEnd()));
                if (part.size() > 0) {
                    sources.add(new Source(old.index(), part));
                }
            }
            rows.add(new KeyGroupTakeover(saved.id(), i, range, sources));
        }
        return rows;
    }
}
