package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.checkpointlab.model.state.KeyGroups;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * {@code inspect-savepoint DIR --operator OP --key K [--parallelism N]} on a savepoint the README's commands write:
 * the word-count sample stopped with a savepoint after 2 s.
 */
class InspectSavepointKeyTest {
    @TempDir
    static Path dir;
    private static Path savepoint;

    @BeforeAll
    static void stopTheWordCountSampleWithASavepoint() {
        Cli.Result r = Cli.run("run", Path.of("..", "samples", "word-count.json").toString(),
                "--stop-with-savepoint-at", "2s", "--savepoint-dir", dir.resolve("sp").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        savepoint = dir.resolve("sp").resolve("savepoint-1");
    }

    @Test
    void key_printsItsKeyGroupItsSubtaskSavedAndAtTheNewParallelism_andItsCount() throws Exception {
        Cli.Result r = Cli.run("inspect-savepoint", savepoint.toString(), "--operator", "count", "--key", "the",
                "--parallelism", "4");

        assertThat(r.exitCode()).as(r.err()).isZero();
        int keyGroup = KeyGroups.assignToKeyGroup("the", 128);
        assertThat(r.out()).contains("Key: the")
                .contains("Key group: " + keyGroup + " of 128")
                .contains("Subtask at parallelism 2 (saved): " + KeyGroups.operatorIndexForKeyGroup(128, 2, keyGroup))
                .contains("Subtask at parallelism 4: " + KeyGroups.operatorIndexForKeyGroup(128, 4, keyGroup))
                .containsPattern("Value: count = [1-9][0-9]*");
    }

    @Test
    void json_givesTheSameAnswerAsOneObject() throws Exception {
        Cli.Result r = Cli.run("inspect-savepoint", savepoint.toString(), "--operator", "count", "--key", "the",
                "--parallelism", "3", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonObject o = Cli.onlyJsonObject(r.out());
        int keyGroup = KeyGroups.assignToKeyGroup("the", 128);
        assertThat(o.get("keyGroup").getAsInt()).isEqualTo(keyGroup);
        assertThat(o.get("subtask").getAsInt()).isEqualTo(KeyGroups.operatorIndexForKeyGroup(128, 3, keyGroup));
        assertThat(o.getAsJsonArray("values").get(0).getAsJsonObject().get("state").getAsString())
                .isEqualTo("count");
        assertThat(Long.parseLong(o.getAsJsonArray("values").get(0).getAsJsonObject().get("value").getAsString()))
                .isPositive();
    }

    @Test
    void operatorAlone_listsItsKeyedState() {
        Cli.Result r = Cli.run("inspect-savepoint", savepoint.toString(), "--operator", "count");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("key group").contains(" the ").contains("count");
    }

    @Test
    void unknownOperatorNonKeyedOperatorAndUnknownKey_exitTwoSayingWhy() {
        Cli.Result unknownOp = Cli.run("inspect-savepoint", savepoint.toString(), "--operator", "counter",
                "--key", "the");
        Cli.Result notKeyed = Cli.run("inspect-savepoint", savepoint.toString(), "--operator", "split",
                "--key", "the");
        Cli.Result unknownKey = Cli.run("inspect-savepoint", savepoint.toString(), "--operator", "count",
                "--key", "zebra");
        Cli.Result noOperator = Cli.run("inspect-savepoint", savepoint.toString(), "--key", "the");
        Cli.Result tooWide = Cli.run("inspect-savepoint", savepoint.toString(), "--operator", "count",
                "--key", "the", "--parallelism", "200");

        assertThat(unknownOp.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknownOp.err()).contains("no operator 'counter'").contains("sentences").contains("split");
        assertThat(notKeyed.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notKeyed.err()).contains("operator 'split' (flat-map-words) has no keyed state")
                .contains("keyed operators: count");
        assertThat(unknownKey.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknownKey.err()).contains("key 'zebra' has no state in operator 'count'");
        assertThat(noOperator.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noOperator.err()).contains("need --operator");
        assertThat(tooWide.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(tooWide.err()).contains("parallelism 200 is outside 1..128");
    }
}
