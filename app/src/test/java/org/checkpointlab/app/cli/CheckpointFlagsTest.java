package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.Retention;
import org.checkpointlab.model.pipeline.CheckpointOption;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every checkpoint option that declares a flag is read from the command line into the job's options. */
class CheckpointFlagsTest {
    private static final CheckpointOptions ALL_CHANGED = new CheckpointOptions(Duration.ofMillis(1500),
            CheckpointingMode.AT_LEAST_ONCE, Duration.ofSeconds(45), Duration.ofMillis(250), 3, 2, true,
            Duration.ofMillis(20), Retention.RETAIN_ON_CANCELLATION, 7, null);

    @TempDir
    Path dir;

    static Stream<CheckpointOption<?>> optionsWithFlags() {
        return CheckpointOption.ALL.stream().filter(o -> o.cliFlag().isPresent());
    }

    private CheckpointOptions parse(String... flags) throws Exception {
        Path file = Cli.write(dir, "p.json", Cli.keyedCountPipeline(1000, "{}"));
        PipelineSpec pipeline = PipelineJson.read(file);
        RunFlags parsed = new RunFlags();
        new CommandLine(parsed).parseArgs(flags);
        return parsed.toJobConfig(file, pipeline).checkpointOptions();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionsWithFlags")
    void eachFlag_setsItsOption_andNothingElse(CheckpointOption<?> option) throws Exception {
        CheckpointOptions changed = changed(option, ALL_CHANGED);
        List<String> args = new ArrayList<>(args(option, changed));
        if (option == CheckpointOption.RETENTION) { // retained checkpoints are files
            changed = changed.withDirectory(dir);
            args.addAll(List.of("--checkpoint-dir", dir.toString()));
        }
        if (option == CheckpointOption.DIRECTORY) {
            changed = changed.withDirectory(dir);
            args = List.of("--checkpoint-dir", dir.toString());
        }

        assertThat(parse(args.toArray(String[]::new))).isEqualTo(changed);
    }

    @Test
    void noFlags_orNoUnaligned_keepFlinksDefaults() throws Exception {
        assertThat(parse()).isEqualTo(CheckpointOptions.defaults());
        assertThat(parse("--no-unaligned")).isEqualTo(CheckpointOptions.defaults());
    }

    @Test
    void aWrongValue_isAProblemNamingTheFlag() {
        assertThatThrownBy(() -> parse("--max-concurrent", "two", "--interval", "soon"))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).problems()).containsExactly(
                        "--interval: 'soon' is not a duration; expected " + org.checkpointlab.model.util.Durations
                                .ACCEPTED_FORMS + ", or off",
                        "--max-concurrent: must be a whole number, was 'two'"));
    }

    private static <T> CheckpointOptions changed(CheckpointOption<T> option, CheckpointOptions from) {
        return option.with(CheckpointOptions.defaults(), option.get(from));
    }

    private static List<String> args(CheckpointOption<?> option, CheckpointOptions changed) {
        CheckpointOption.CliFlag flag = option.cliFlag().orElseThrow();
        return switch (flag.style()) {
            case VALUE -> List.of(flag.name(), option.text(changed));
            case NEGATABLE -> List.of(Boolean.parseBoolean(option.text(changed)) ? flag.name()
                    : "--no-" + flag.name().substring(2));
            case SWITCH -> List.of(flag.name());
        };
    }
}
