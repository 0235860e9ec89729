package org.checkpointlab.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.Retention;
import org.junit.jupiter.api.Test;

class CheckpointOptionsJsonTest {

    private static final CheckpointOptions DEFAULTS = CheckpointOptions.defaults();

    @Test
    void apply_setsEveryKey() {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("interval", "1s");
        section.put("mode", "at-least-once");
        section.put("timeout", "2m");
        section.put("minPause", "500ms");
        section.put("maxConcurrent", 2L);
        section.put("tolerableFailures", 3L);
        section.put("unaligned", false);
        section.put("alignedTimeout", "100ms");
        section.put("retention", "retain-on-cancellation");
        section.put("retained", 4L);
        section.put("directory", "checkpoints/run-1");

        CheckpointOptions o = CheckpointOptionsJson.apply(section, DEFAULTS);

        assertThat(o).isEqualTo(new CheckpointOptions(Duration.ofSeconds(1), CheckpointingMode.AT_LEAST_ONCE,
                Duration.ofMinutes(2), Duration.ofMillis(500), 2, 3, false, Duration.ofMillis(100),
                Retention.RETAIN_ON_CANCELLATION, 4, Path.of("checkpoints/run-1")));
    }

    @Test
    void apply_keepsTheBaseForKeysNotGiven() {
        CheckpointOptions base = DEFAULTS.withTimeout(Duration.ofSeconds(30)).withRetained(5);

        CheckpointOptions o = CheckpointOptionsJson.apply(Map.of("interval", "2s"), base);

        assertThat(o).isEqualTo(base.withInterval(Duration.ofSeconds(2)));
    }

    @Test
    void interval_acceptsOffNullAndAPlainNumberOfMilliseconds() {
        CheckpointOptions periodic = DEFAULTS.withInterval(Duration.ofSeconds(1));
        Map<String, Object> nullInterval = new HashMap<>();
        nullInterval.put("interval", null);

        assertThat(CheckpointOptionsJson.apply(Map.of("interval", "OFF"), periodic).interval()).isNull();
        assertThat(CheckpointOptionsJson.apply(nullInterval, periodic).interval()).isNull();
        assertThat(CheckpointOptionsJson.apply(Map.of("interval", 250L), DEFAULTS).interval())
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void apply_namesEveryKeyWithAWrongValue() {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("timeout", true);
        section.put("mode", "exactly_twice");
        section.put("maxConcurrent", 1.5);
        section.put("unaligned", "yes");
        section.put("retention", "keep");
        section.put("retained", "all");
        section.put("directory", 3L);
        section.put("intervall", "1s");

        assertThatThrownBy(() -> CheckpointOptionsJson.apply(section, DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.join("; ",
                        "'mode': unknown checkpointing mode 'exactly_twice' (expected exactly-once or at-least-once)",
                        "'timeout' must be a duration such as \"500ms\", \"1s\" or \"2m\", was true",
                        "'maxConcurrent' must be a whole number, was 1.5",
                        "'unaligned' must be true or false, was \"yes\"",
                        "'retention' must be \"none\", \"delete-on-cancellation\" or \"retain-on-cancellation\", "
                                + "was \"keep\"",
                        "'retained' must be a whole number, was \"all\"",
                        "'directory' must be a directory path (or null for the job manager's memory), was 3",
                        "unknown key 'intervall' (known keys: interval, mode, timeout, minPause, maxConcurrent, "
                                + "tolerableFailures, unaligned, alignedTimeout, retention, retained, directory)"));
    }

    @Test
    void apply_refusesABadDurationNamingKeyAndText() {
        assertThatThrownBy(() -> CheckpointOptionsJson.apply(Map.of("minPause", "-1s"), DEFAULTS))
                .hasMessageStartingWith("'minPause': '-1s' is negative");
        assertThatThrownBy(() -> CheckpointOptionsJson.apply(Map.of("interval", "every second"), DEFAULTS))
                .hasMessageStartingWith("'interval': 'every second' is not a duration");
    }

    @Test
    void problems_includeTheRulesOfTheResultingOptions() {
        assertThat(CheckpointOptionsJson.problems(Map.of("unaligned", true, "maxConcurrent", 2L)))
                .containsExactly("unaligned checkpoints require max concurrent checkpoints = 1");
        assertThat(CheckpointOptionsJson.problems(Map.of("retained", 0L, "bogus", 1L)))
                .containsExactly("unknown key 'bogus' (known keys: interval, mode, timeout, minPause, maxConcurrent, "
                                + "tolerableFailures, unaligned, alignedTimeout, retention, retained, directory)",
                        "retained checkpoints must be at least 1, was 0");
        assertThat(CheckpointOptionsJson.problems(Map.of("interval", "1s"))).isEmpty();
    }

    @Test
    void toSection_ofTheDefaults_isEmpty() {
        assertThat(CheckpointOptionsJson.toSection(DEFAULTS)).isEmpty();
    }

    @Test
    void toSection_writesOnlyChangedValuesInKeyOrder() {
        CheckpointOptions o = DEFAULTS.withUnaligned(true).withInterval(Duration.ofMillis(1500))
                .withRetention(Retention.DELETE_ON_CANCELLATION);

        assertThat(CheckpointOptionsJson.toSection(o)).containsExactly(
                Map.entry("interval", "1500ms"),
                Map.entry("unaligned", true),
                Map.entry("retention", "delete-on-cancellation"));
    }

    @Test
    void toSection_thenApply_givesTheSameOptions() {
        CheckpointOptions o = new CheckpointOptions(Duration.ofSeconds(3), CheckpointingMode.AT_LEAST_ONCE,
                Duration.ofSeconds(45), Duration.ofMillis(250), 3, 2, false, Duration.ofMillis(20),
                Retention.RETAIN_ON_CANCELLATION, 7, Path.of("/tmp/chk"));

        Map<String, Object> section = CheckpointOptionsJson.toSection(o);

        assertThat(section.keySet()).containsExactlyElementsOf(CheckpointOptionsJson.KEYS.stream()
                .filter(k -> !k.equals("unaligned")).toList()); // false is the default
        assertThat(CheckpointOptionsJson.apply(section, DEFAULTS)).isEqualTo(o);
    }

    @Test
    void toSection_survivesAPipelineFileRoundTrip() throws PipelineException {
        CheckpointOptions o = DEFAULTS.withInterval(Duration.ofSeconds(2)).withMaxConcurrent(2).withRetained(3);
        PipelineSpec p = TestPipelines.valid().build();
        PipelineSpec withSection = new PipelineSpec(p.format(), p.name(), p.operators(), p.edges(),
                CheckpointOptionsJson.toSection(o), p.chaining());

        PipelineSpec reread = PipelineJson.parse("x.json", PipelineJson.toJson(withSection));

        assertThat(reread).isEqualTo(withSection);
        assertThat(reread.checkpointing().options()).isEqualTo(o);
    }
}
