package org.checkpointlab.flink;

import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.checkpointlab.model.state.KeyGroups;

/** Checks the local engine's key -> key group -> subtask against Flink's own {@link KeyGroupRangeAssignment}. */
public final class FlinkKeyAssignment {
    private FlinkKeyAssignment() {
    }

    /** How many of {@code keys} the two engines send to different subtasks of an operator with these settings. */
    public static long mismatches(Iterable<?> keys, int maxParallelism, int parallelism) {
        long mismatches = 0;
        for (Object key : keys) {
            int local = KeyGroups.operatorIndexForKeyGroup(maxParallelism, parallelism,
                    KeyGroups.assignToKeyGroup(key, maxParallelism));
            if (local != KeyGroupRangeAssignment.assignKeyToParallelOperator(key, maxParallelism, parallelism)) {
                mismatches++;
            }
        }
        return mismatches;
    }
}
