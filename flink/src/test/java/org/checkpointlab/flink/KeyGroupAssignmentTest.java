package org.checkpointlab.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.checkpointlab.model.operators.SourceRecords;
import org.checkpointlab.model.state.KeyGroups;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The local engine's key -> key group -> subtask equals Flink's own {@link KeyGroupRangeAssignment} for 100,000
 * keys of each key type the engine uses ({@code Long} keys of sequence sources, {@code String} words of
 * flat-map-words), at max parallelism 128, 200 and 32,768 and several parallelisms.
 */
class KeyGroupAssignmentTest {
    private static final int KEYS = 100_000;
    private static final int[] PARALLELISMS = {1, 2, 3, 7, 64, 100, 128};

    @ParameterizedTest
    @ValueSource(ints = {128, 200, 32_768})
    void longKeysLandWhereFlinkPutsThem(int maxParallelism) {
        List<Object> keys = new ArrayList<>(KEYS);
        for (long i = 0; i < KEYS; i++) {
            keys.add(SourceRecords.sequenceKey(i * 7919 + i, Long.MAX_VALUE));
        }
        keys.add(Long.MIN_VALUE);
        keys.add(-1L);
        assertSameAsFlink(keys, maxParallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 200, 32_768})
    void wordKeysLandWhereFlinkPutsThem(int maxParallelism) {
        List<Object> keys = new ArrayList<>(KEYS);
        for (long i = 0; keys.size() < KEYS; i++) {
            // Sentence words, then made distinct: the same text as flat-map-words produces, and many more of it.
            for (String word : SourceRecords.sentence(42, i).split(" ")) {
                keys.add(word + "-" + i);
            }
        }
        keys.add("");
        assertSameAsFlink(keys, maxParallelism);
    }

    private static void assertSameAsFlink(List<Object> keys, int maxParallelism) {
        int mismatches = 0;
        for (Object key : keys) {
            int group = KeyGroups.assignToKeyGroup(key, maxParallelism);
            if (group != KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism)) {
                mismatches++;
                continue;
            }
            for (int p : PARALLELISMS) {
                if (p > maxParallelism) {
                    continue;
                }
                int subtask = KeyGroups.operatorIndexForKeyGroup(maxParallelism, p, group);
                if (subtask != KeyGroupRangeAssignment.assignKeyToParallelOperator(key, maxParallelism, p)) {
                    mismatches++;
                }
            }
        }
        assertThat(mismatches).as("keys assigned differently from Flink at max parallelism " + maxParallelism)
                .isZero();
        assertThat(keys.size()).isGreaterThanOrEqualTo(KEYS);
    }
}
