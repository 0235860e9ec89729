package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.checkpointlab.model.job.RestartStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine.TypeConversionException;

/** Flags that do not go together are refused before the job starts (exit 2), naming the flags. */
class RunFlagCombinationsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> badCombinations() {
        return Stream.of(
                Arguments.of(List.of("--retain-checkpoints"), List.of("--retain-checkpoints", "--checkpoint-dir")),
                Arguments.of(List.of("--stop-with-savepoint-at", "1s"),
                        List.of("--stop-with-savepoint-at", "--savepoint-dir")),
                Arguments.of(List.of("--savepoint-at", "1s"), List.of("--savepoint-at", "--savepoint-dir")),
                Arguments.of(List.of("--savepoint-dir", "sp"), List.of("--savepoint-dir", "--savepoint-at")),
                Arguments.of(List.of("--savepoint-at", "2s", "--stop-with-savepoint-at", "1s", "--savepoint-dir",
                        "sp"), List.of("--savepoint-at 2s is not before --stop-with-savepoint-at 1s")),
                Arguments.of(List.of("--stop-with-savepoint-at", "2s", "--savepoint-dir", "sp", "--duration", "1s"),
                        List.of("--stop-with-savepoint-at 2s is not before --duration 1s")),
                Arguments.of(List.of("--allow-non-restored-state"),
                        List.of("--allow-non-restored-state", "--from-savepoint")),
                Arguments.of(List.of("--restart-attempts", "3"),
                        List.of("--restart-attempts belongs to --restart-strategy fixed-delay")),
                Arguments.of(List.of("--restart-strategy", "fixed-delay", "--restart-interval", "1m"),
                        List.of("--restart-interval belongs to --restart-strategy failure-rate, not fixed-delay")),
                Arguments.of(List.of("--restart-strategy", "none", "--restart-delay", "1s"),
                        List.of("--restart-delay belongs to --restart-strategy fixed-delay or exponential-delay "
                                + "or failure-rate, not none")),
                Arguments.of(List.of("--restart-strategy", "sometimes"),
                        List.of("--restart-strategy: unknown strategy 'sometimes'")),
                Arguments.of(List.of("--restart-strategy", "exponential-delay", "--restart-jitter", "1.5"),
                        List.of("--restart-jitter must be between 0 and 1")),
                Arguments.of(List.of("--restart-strategy", "exponential-delay", "--restart-delay", "1m",
                        "--restart-max-delay", "1s"), List.of("--restart-max-delay", "--restart-delay")),
                Arguments.of(List.of("--failover", "half"), List.of("--failover", "'half'", "region or full")),
                Arguments.of(List.of("--fail", "nosuch@1s"), List.of("--fail nosuch:0@1s", "'nosuch'")),
                Arguments.of(List.of("--fail", "count:2@#100"),
                        List.of("--fail count:2@#100", "subtasks 0 to 1")),
                Arguments.of(List.of("--fail", "count@soon"), List.of("--fail", "count@soon")),
                Arguments.of(List.of("--seed", "3"), List.of("--seed", "--chaos")),
                Arguments.of(List.of("--chaos", "0"), List.of("--chaos must be at least 1")));
    }

    @ParameterizedTest
    @MethodSource("badCombinations")
    void badCombination_exitsTwoNamingTheFlags(List<String> flags, List<String> expected) throws Exception {
        Path file = Cli.write(dir, "kc.json", Cli.keyedCountPipeline(1_000, "{}"));
        List<String> args = new ArrayList<>(List.of("run", file.toString()));
        args.addAll(flags.stream().map(f -> f.equals("sp") ? dir.resolve("sp").toString() : f).toList());

        Cli.Result r = Cli.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(expected);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void failFlag_readsOperatorSubtaskAndTimeOrRecordCount() {
        FailureAt.Converter c = new FailureAt.Converter();

        assertThat(c.convert("count:1@5s")).isEqualTo(new FailureAt("count", 1, Duration.ofSeconds(5), null));
        assertThat(c.convert("count@#100000")).isEqualTo(new FailureAt("count", 0, null, 100_000L));
        assertThat(c.convert("my-op:3@#1_000")).isEqualTo(new FailureAt("my-op", 3, null, 1_000L));
        assertThat(c.convert("count:1@#5000").text()).isEqualTo("count:1@#5000");
        assertThatThrownBy(() -> c.convert("count:x@1s")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("subtask 'x'");
        assertThatThrownBy(() -> c.convert("count@#0")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> c.convert("@1s")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("OP[:SUBTASK]@DURATION");
        assertThatThrownBy(() -> c.convert("count")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void restartFlags_buildEachStrategyWithFlinksDefaultsForWhatIsNotGiven() {
        List<String> problems = new ArrayList<>();

        RestartFlags fixed = new RestartFlags();
        fixed.strategy = "fixed-delay";
        RestartFlags exponential = new RestartFlags();
        exponential.strategy = "exponential-delay";
        exponential.multiplier = 1.5;
        RestartFlags rate = new RestartFlags();
        rate.strategy = "failure-rate";
        rate.maxFailures = 4;
        rate.interval = Duration.ofSeconds(30);
        RestartFlags none = new RestartFlags();
        none.strategy = "none";

        assertThat(fixed.toStrategy(problems)).isEqualTo(new RestartStrategy.FixedDelay(1, Duration.ofSeconds(1)));
        assertThat(exponential.toStrategy(problems)).isEqualTo(new RestartStrategy.ExponentialDelay(
                Duration.ofSeconds(1), Duration.ofMinutes(5), 1.5, Duration.ofHours(1), 0.1));
        assertThat(rate.toStrategy(problems)).isEqualTo(
                new RestartStrategy.FailureRate(4, Duration.ofSeconds(30), Duration.ofSeconds(1)));
        assertThat(none.toStrategy(problems)).isEqualTo(new RestartStrategy.None());
        assertThat(new RestartFlags().toStrategy(problems)).as("not given: the job's default").isNull();
        assertThat(problems).isEmpty();
    }
}
