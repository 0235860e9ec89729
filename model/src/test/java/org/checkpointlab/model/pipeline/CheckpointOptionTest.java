package org.checkpointlab.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.Retention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every declared checkpoint option round-trips through a pipeline file and through text, and the declarations agree. */
class CheckpointOptionTest {
    /** Every option with a value other than Flink's default (each one valid on its own). */
    private static final CheckpointOptions ALL_CHANGED = new CheckpointOptions(Duration.ofMillis(1500),
            CheckpointingMode.AT_LEAST_ONCE, Duration.ofSeconds(45), Duration.ofMillis(250), 3, 2, true,
            Duration.ofMillis(20), Retention.RETAIN_ON_CANCELLATION, 7, Path.of("chk-dir"));

    /** Flink's defaults with only {@code option} set to its value in {@link #ALL_CHANGED}. */
    private static <T> CheckpointOptions onlyChanged(CheckpointOption<T> option) {
        return option.with(CheckpointOptions.defaults(), option.get(ALL_CHANGED));
    }

    static Stream<CheckpointOption<?>> options() {
        return CheckpointOption.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void theFixtureChangesEveryOption(CheckpointOption<?> option) {
        assertThat(option.get(ALL_CHANGED)).isNotEqualTo(option.flinkDefault());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void eachOption_roundTripsThroughAPipelineFile(CheckpointOption<?> option) throws PipelineException {
        CheckpointOptions changed = onlyChanged(option);
        PipelineSpec p = TestPipelines.valid().build().withCheckpointing(CheckpointingConfig.of(changed));

        PipelineSpec reread = PipelineJson.parse("x.json", PipelineJson.toJson(p));

        assertThat(reread.checkpointing().written()).containsOnlyKeys(option.key());
        assertThat(reread.checkpointing().options()).isEqualTo(changed);
        assertThat(PipelineJson.toJson(reread)).isEqualTo(PipelineJson.toJson(p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void eachOption_roundTripsThroughItsText(CheckpointOption<?> option) {
        assertThat(roundTrip(option, ALL_CHANGED)).isEqualTo(option.get(ALL_CHANGED));
        assertThat(roundTrip(option, CheckpointOptions.defaults())).isEqualTo(option.flinkDefault());
    }

    private static <T> T roundTrip(CheckpointOption<T> option, CheckpointOptions from) {
        String text = option == CheckpointOption.DIRECTORY && from.directory() == null ? "" : option.text(from);
        return option.parseText(text);
    }

    @Test
    void keysFlagsAndFlinkKeys_areDistinct_andTheSectionKeysFollowTheDeclarations() {
        List<CheckpointOption<?>> all = CheckpointOption.ALL;
        assertThat(all.stream().map(CheckpointOption::key)).doesNotHaveDuplicates();
        assertThat(all.stream().map(CheckpointOption::flinkKey)).doesNotHaveDuplicates()
                .allMatch(k -> k.startsWith("execution.checkpointing."));
        assertThat(all.stream().flatMap(o -> o.cliFlag().stream()).map(CheckpointOption.CliFlag::name))
                .doesNotHaveDuplicates().allMatch(f -> f.startsWith("--"));
        assertThat(CheckpointOptionsJson.KEYS).containsExactlyElementsOf(all.stream().map(CheckpointOption::key)
                .toList());
        assertThat(CheckpointOption.byKey("minPause")).contains(CheckpointOption.MIN_PAUSE);
    }

    @Test
    void flinkValues_areInFlinksForms() {
        assertThat(CheckpointOption.INTERVAL.flinkValue(CheckpointOptions.defaults())).as("off: key left out")
                .isNull();
        assertThat(CheckpointOption.TIMEOUT.flinkValue(CheckpointOptions.defaults())).isEqualTo("600000 ms");
        assertThat(CheckpointOption.MODE.flinkValue(ALL_CHANGED)).isEqualTo("AT_LEAST_ONCE");
        assertThat(CheckpointOption.RETENTION.flinkValue(CheckpointOptions.defaults()))
                .isEqualTo("NO_EXTERNALIZED_CHECKPOINTS");
        assertThat(CheckpointOption.DIRECTORY.flinkValue(ALL_CHANGED)).startsWith("file:/").contains("chk-dir");
    }

    @Test
    void parseText_saysWhatIsWrongWithoutNamingTheOption() {
        assertThatThrownBy(() -> CheckpointOption.MAX_CONCURRENT.parseText("two"))
                .hasMessage("must be a whole number, was 'two'");
        assertThatThrownBy(() -> CheckpointOption.TIMEOUT.parseText(" "))
                .hasMessage("must not be empty (Flink's default is 10m)");
        assertThatThrownBy(() -> CheckpointOption.INTERVAL.parseText("5 parsecs"))
                .hasMessageStartingWith("'5 parsecs' is not a duration").hasMessageEndingWith(", or off");
        assertThat(CheckpointOption.INTERVAL.parseText("off")).isNull();
        assertThat(CheckpointOption.INTERVAL.parseText("")).isNull();
    }
}
