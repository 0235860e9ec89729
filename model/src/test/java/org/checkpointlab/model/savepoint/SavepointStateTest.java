package org.checkpointlab.model.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.savepoint.SavepointState.OperatorState;
import org.checkpointlab.model.savepoint.SavepointState.SubtaskState;
import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.model.state.StateKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyed state of a savepoint written by a real run (a savepoint of a keyed count at parallelism 2 fed by a
 * sequence source over 97 keys), read back: a count for every key, each key in the subtask whose key groups hold
 * it, and a lookup answering as Flink's key-group assignment does.
 */
class SavepointStateTest {
    @TempDir
    static Path dir;

    private static SavepointState state;
    private static final int KEYS = 97;

    @BeforeAll
    static void stopWithSavepoint() throws Exception {
        Path savepoint = dir.resolve("sp");
        CheckpointOptions options = CheckpointOptions.defaults().withInterval(Duration.ofMillis(100));
        try (Job job = Job.start(JobConfig.of(SavepointRestoreTest.pipeline(1, 2, 2, 20_000))
                .withCheckpointOptions(options))) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            job.triggerSavepoint(savepoint).get(20, TimeUnit.SECONDS);
        }
        state = SavepointState.of(SavepointReader.read(savepoint));
    }

    @Test
    void keyedOperator_eachSubtaskHoldsItsKeyGroups_andEveryKeyHasItsCountThere() {
        OperatorState count = state.operator("count").orElseThrow();

        assertThat(count.keyed()).isTrue();
        assertThat(count.parallelism()).isEqualTo(2);
        assertThat(count.subtasks()).extracting(s -> s.keyGroups().start() + "-" + s.keyGroups().end())
                .containsExactly("0-63", "64-127");
        assertThat(count.entries()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.state()).isEqualTo("count");
            assertThat(e.kind()).isEqualTo(StateKind.VALUE);
            assertThat(e.keyGroup()).isEqualTo(KeyGroups.assignToKeyGroup(e.key(), 128));
            assertThat(count.subtasks().get(e.subtask()).keyGroups().contains(e.keyGroup())).isTrue();
        });
        Map<Long, Long> counts = new HashMap<>();
        count.entries().forEach(e -> counts.put((Long) e.key(), (Long) e.value()));
        assertThat(counts).as("every key seen once the sequence went round").hasSize(KEYS);
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isPositive());
    }

    @Test
    void operatorsWithoutKeyedState_listTheirSubtasksWithNoKeyGroupsOrEntries() {
        OperatorState source = state.operator("source").orElseThrow();

        assertThat(source.keyed()).isFalse();
        assertThat(source.subtasks()).hasSize(1).allSatisfy(s -> {
            assertThat(s.keyGroups().size()).isZero();
            assertThat(s.entries()).isEmpty();
            assertThat(s.operatorBytes()).as("the source's offset").isPositive();
        });
    }

    @Test
    void locate_givesTheKeyGroup_theSubtaskThenAndAtANewParallelism_andTheValue() throws Exception {
        OperatorState count = state.operator("count").orElseThrow();
        SubtaskState second = count.subtasks().get(1);
        Object key = second.entries().get(0).key();
        int keyGroup = KeyGroups.assignToKeyGroup(key, 128);

        KeyLocation at3 = state.locate("count", String.valueOf(key), 3);

        assertThat(at3.key()).isEqualTo(key);
        assertThat(at3.keyGroup()).isEqualTo(keyGroup);
        assertThat(at3.savedParallelism()).isEqualTo(2);
        assertThat(at3.savedSubtask()).isEqualTo(1);
        assertThat(at3.newSubtask()).isEqualTo(KeyGroups.operatorIndexForKeyGroup(128, 3, keyGroup));
        assertThat(at3.valuesText()).isEqualTo("count = " + second.entries().get(0).value());
        assertThat(state.locate("count", String.valueOf(key), null).newSubtaskIndex()).isEmpty();
    }

    @Test
    void locate_refusesUnknownOperatorsNonKeyedOperatorsUnknownKeysAndParallelismBeyondTheKeyGroups() {
        assertThatThrownBy(() -> state.locate("counter", "1", null)).isInstanceOf(StateLookupException.class)
                .hasMessageContaining("no operator 'counter'").hasMessageContaining("source")
                .hasMessageContaining("sink");
        assertThatThrownBy(() -> state.locate("source", "1", null)).isInstanceOf(StateLookupException.class)
                .hasMessageContaining("operator 'source' (sequence-source) has no keyed state")
                .hasMessageContaining("keyed operators: count");
        assertThatThrownBy(() -> state.locate("count", "no-such-key", null))
                .isInstanceOf(StateLookupException.class)
                .hasMessageContaining("key 'no-such-key' has no state in operator 'count'");
        assertThatThrownBy(() -> state.locate("count", "1", 129)).isInstanceOf(StateLookupException.class)
                .hasMessageContaining("outside 1..128");
        assertThatThrownBy(() -> state.locate("count", "1", 0)).isInstanceOf(StateLookupException.class);
    }

    @Test
    void everyOperatorOfTheSavepoint_isListed() {
        assertThat(state.operators()).extracting(OperatorState::id)
                .containsExactlyInAnyOrderElementsOf(List.of("source", "count", "sink"));
    }
}
