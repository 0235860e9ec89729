package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void validPipeline_printsOkWithNameAndCounts_andExitsZero() throws Exception {
        Path file = Cli.write(dir, "good.json", Cli.keyedCountPipeline(1000, "{\"interval\": \"1s\"}"));

        Cli.Result r = Cli.run("validate", file.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo("OK: small keyed count (3 operators, 2 edges)" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void invalidPipeline_printsEveryProblemNamingFileAndPlace_andExitsTwo() throws Exception {
        Path file = Cli.write(dir, "bad.json", """
                {"format": 1, "name": "broken",
                 "operators": [
                   {"id": "numbers", "kind": "sequence-source", "parallelism": 2},
                   {"id": "count", "kind": "no-such-kind", "parallelism": 1},
                   {"id": "sink", "kind": "discard-sink", "parallelism": 2}],
                 "edges": [
                   {"from": "numbers", "to": "count", "partitioning": "hash"},
                   {"from": "count", "to": "sink", "partitioning": "forward"},
                   {"from": "sink", "to": "nowhere", "partitioning": "forward"}]}
                """);

        Cli.Result r = Cli.run("validate", file.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList())
                .allSatisfy(line -> assertThat(line).startsWith("bad.json: "))
                .anySatisfy(line -> assertThat(line).contains("operator 'count'").contains("no-such-kind"))
                .anySatisfy(line -> assertThat(line).contains("nowhere"));
    }

    @Test
    void badCheckpointingSection_isReportedWithTheFile_andExitsTwo() throws Exception {
        Path file = Cli.write(dir, "cp.json",
                Cli.keyedCountPipeline(1000, "{\"unaligned\": true, \"mode\": \"at-least-once\"}"));

        Cli.Result r = Cli.run("validate", file.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("cp.json").contains("unaligned checkpoints require exactly-once mode");
    }

    @Test
    void missingFile_isNamedWithExitTwo() {
        Cli.Result r = Cli.run("validate", dir.resolve("absent.json").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("absent.json").contains("not found");
    }

    @Test
    void malformedJson_namesLineAndColumn() throws Exception {
        Path file = Cli.write(dir, "syntax.json", "{\"format\": 1,\n \"name\": }");

        Cli.Result r = Cli.run("validate", file.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("syntax.json: ").contains("line 2");
    }
}
