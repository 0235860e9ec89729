package org.checkpointlab.views.savepoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.checkpointlab.model.savepoint.SavepointMetadata;
import org.checkpointlab.model.state.KeyGroupRange;
import org.junit.jupiter.api.Test;

class KeyGroupTakeoverTest {

    private static SavepointMetadata.OperatorEntry keyed(String id, int maxP, int... bounds) {
        List<SavepointMetadata.SubtaskEntry> subtasks = new java.util.ArrayList<>();
        for (int i = 0; i < bounds.length / 2; i++) {
            subtasks.add(new SavepointMetadata.SubtaskEntry(i, bounds[2 * i], bounds[2 * i + 1], id + "-" + i,
                    10, 0, null, 0, 0));
        }
        return new SavepointMetadata.OperatorEntry(id, "keyed-count", bounds.length / 2, maxP, subtasks);
    }

    @Test
    void scalingTwoSubtasksToThree_eachNewSubtaskTakesItsRangeFromTheOldOwners() {
        // max parallelism 128 at p=2: #0 owns [0..63], #1 owns [64..127]
        var rows = KeyGroupTakeover.of(keyed("count", 128, 0, 63, 64, 127), 3);
        assertThat(rows).hasSize(3);
        // at p=3: [0..42], [43..85], [86..127]
        assertThat(rows.get(0).range()).isEqualTo(new KeyGroupRange(0, 42));
        assertThat(rows.get(0).sources()).containsExactly(new KeyGroupTakeover.Source(0, new KeyGroupRange(0, 42)));
        assertThat(rows.get(1).range()).isEqualTo(new KeyGroupRange(43, 85));
        assertThat(rows.get(1).sources()).containsExactly(
                new KeyGroupTakeover.Source(0, new KeyGroupRange(43, 63)),
                new KeyGroupTakeover.Source(1, new KeyGroupRange(64, 85)));
        assertThat(rows.get(1).sourcesText()).isEqualTo("#0 [43..63], #1 [64..85]");
        assertThat(rows.get(2).sources()).containsExactly(new KeyGroupTakeover.Source(1, new KeyGroupRange(86, 127)));
    }

    @Test
    void scalingDownToOne_takesEveryOldSubtask() {
        var rows = KeyGroupTakeover.of(keyed("count", 128, 0, 42, 43, 85, 86, 127), 1);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.range()).isEqualTo(new KeyGroupRange(0, 127));
            assertThat(r.sources()).extracting(KeyGroupTakeover.Source::oldSubtask).containsExactly(0, 1, 2);
        });
    }

    @Test
    void operatorWithoutKeyedState_hasNoKeyGroupTakeover() {
        var source = new SavepointMetadata.OperatorEntry("numbers", "sequence-source", 2, 128, List.of(
                new SavepointMetadata.SubtaskEntry(0, 0, -1, null, 0, 0, "n-0", 8, 1)));
        assertThat(KeyGroupTakeover.of(source, 4)).isEmpty();
    }

    @Test
    void parallelismAboveMaxParallelism_isRefusedNamingBoth() {
        assertThatThrownBy(() -> KeyGroupTakeover.of(keyed("count", 4, 0, 1, 2, 3), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism 5 exceeds max parallelism 4");
    }
}
