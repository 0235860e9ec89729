package org.checkpointlab.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.checkpointlab.model.pipeline.OperatorKind.Group;
import org.checkpointlab.model.pipeline.OperatorKind.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OperatorKindTest {

    @Test
    void byJsonName_findsEveryKindByItsFileName_andNothingForAnUnknownName() {
        for (OperatorKind kind : OperatorKind.values()) {
            assertThat(OperatorKind.byJsonName(kind.jsonName())).contains(kind);
        }
        assertThat(OperatorKind.byJsonName("keyed-counter")).isEmpty();
        assertThat(OperatorKind.byJsonName("KEYED_COUNT")).isEmpty();
    }

    @Test
    void registry_holdsExactlyTheKindsOfThePipelineFormat() {
        assertThat(OperatorKind.jsonNames()).containsExactly("sequence-source", "sentence-source", "map", "filter",
                "flat-map-words", "keyed-count", "keyed-sum", "tumbling-window-count", "dedup", "union", "slow",
                "discard-sink", "collect-sink", "transactional-sink");
    }

    @ParameterizedTest(name = "{0}: {1}, {2}..{3} inputs, keyed {4}, {5}")
    @CsvSource({
        "sequence-source,       SOURCE,    0, 0,          false, Sources",
        "sentence-source,       SOURCE,    0, 0,          false, Sources",
        "map,                   TRANSFORM, 1, 1,          false, Transformations",
        "filter,                TRANSFORM, 1, 1,          false, Transformations",
        "flat-map-words,        TRANSFORM, 1, 1,          false, Transformations",
        "keyed-count,           TRANSFORM, 1, 1,          true,  Keyed / stateful",
        "keyed-sum,             TRANSFORM, 1, 1,          true,  Keyed / stateful",
        "tumbling-window-count, TRANSFORM, 1, 1,          true,  Windows",
        "dedup,                 TRANSFORM, 1, 1,          true,  Keyed / stateful",
        "union,                 TRANSFORM, 2, 2147483647, false, Transformations",
        "slow,                  TRANSFORM, 1, 1,          false, Transformations",
        "discard-sink,          SINK,      1, 1,          false, Sinks",
        "collect-sink,          SINK,      1, 1,          false, Sinks",
        "transactional-sink,    SINK,      1, 1,          false, Sinks",
    })
    void eachKind_hasItsRoleInputsKeyednessAndPaletteGroup(String name, Role role, int min, int max, boolean keyed,
                                                          String group) {
        OperatorKind kind = OperatorKind.byJsonName(name).orElseThrow();
        assertThat(kind.role()).isEqualTo(role);
        assertThat(kind.minInputs()).isEqualTo(min);
        assertThat(kind.maxInputs()).isEqualTo(max);
        assertThat(kind.keyed()).isEqualTo(keyed);
        assertThat(kind.group().displayName()).isEqualTo(group);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "sequence-source       | count=LONG:1000000:0:, keys=LONG:100:1:, ratePerSecond=LONG:0:0:",
        "sentence-source       | count=LONG:100000:0:, ratePerSecond=LONG:0:0:, seed=LONG:42::",
        "map                   | multiply=LONG:1::, add=LONG:0::",
        "filter                | modulo=LONG:2:1:, remainder=LONG:0:0:",
        "flat-map-words        | lowercase=BOOLEAN:true::",
        "keyed-count           | ''",
        "keyed-sum             | ''",
        "tumbling-window-count | size=LONG:1000:1:, unit=ENUM:count::",
        "dedup                 | ''",
        "union                 | ''",
        "slow                  | costMicros=LONG:20:0:, jitterMicros=LONG:0:0:",
        "discard-sink          | ''",
        "collect-sink          | ''",
        "transactional-sink    | path=STRING:::",
    })
    void eachKind_declaresExactlyItsParametersWithTypeDefaultAndMinimum(String name, String expected) {
        OperatorKind kind = OperatorKind.byJsonName(name).orElseThrow();
        List<String> actual = kind.params().stream()
                .map(p -> p.name() + "=" + p.type() + ":" + str(p.defaultValue()) + ":" + str(p.min()) + ":"
                        + str(p.max()))
                .toList();
        List<String> wanted = expected == null || expected.isEmpty() ? List.of() : Arrays.stream(expected.split(",\\s*")).toList();
        assertThat(actual).containsExactlyElementsOf(wanted);
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    @ParameterizedTest
    @EnumSource(OperatorKind.class)
    void eachKindAndParameter_hasADescriptionForUsers(OperatorKind kind) {
        assertThat(kind.description()).endsWith(".").hasSizeGreaterThan(20);
        for (ParamSpec p : kind.params()) {
            assertThat(p.description()).as(kind + "." + p.name()).isNotBlank();
        }
    }

    @Test
    void tumblingWindowUnit_allowsCountAndMsOnly() {
        ParamSpec unit = OperatorKind.TUMBLING_WINDOW_COUNT.param("unit").orElseThrow();
        assertThat(unit.allowedValues()).containsExactly("count", "ms");
        assertThat(unit.problem("ms")).isEmpty();
        assertThat(unit.problem("seconds")).contains("must be one of count, ms, was \"seconds\"");
    }

    @Test
    void transactionalSinkPath_isOptionalWithoutDefault() {
        ParamSpec path = OperatorKind.TRANSACTIONAL_SINK.param("path").orElseThrow();
        assertThat(path.required()).isFalse();
        assertThat(path.defaultValue()).isNull();
    }

    @Test
    void resolvedParams_fillsDefaultsAsTypedValuesInDeclarationOrder() {
        OperatorSpec op = new OperatorSpec("src", null, "sequence-source", 1, null, Map.of("keys", 7L));

        Map<String, Object> params = OperatorKind.SEQUENCE_SOURCE.resolvedParams(op);

        assertThat(params).containsExactly(Map.entry("count", 1_000_000L), Map.entry("keys", 7L),
                Map.entry("ratePerSecond", 0L));
    }

    @Test
    void resolvedParams_turnsWholeNumbersOfAnyJavaTypeIntoLong() {
        OperatorSpec op = new OperatorSpec("slow", null, "slow", 1, null, Map.of("costMicros", 5, "jitterMicros",
                3.0));

        assertThat(OperatorKind.SLOW.resolvedParams(op)).containsEntry("costMicros", 5L)
                .containsEntry("jitterMicros", 3L);
    }

    @Test
    void resolvedParams_leavesOutAnOptionalParameterWithoutValue() {
        OperatorSpec sink = new OperatorSpec("out", null, "transactional-sink", 1, null, Map.of());
        assertThat(OperatorKind.TRANSACTIONAL_SINK.resolvedParams(sink)).isEmpty();

        OperatorSpec withPath = sink.withParams(Map.of("path", "/tmp/out"));
        assertThat(OperatorKind.TRANSACTIONAL_SINK.resolvedParams(withPath)).containsExactly(
                Map.entry("path", "/tmp/out"));
    }

    @Test
    void resolvedParams_refusesAnInvalidValue_namingOperatorAndParameter() {
        OperatorSpec op = new OperatorSpec("slowdown", null, "slow", 1, null, Map.of("costMicros", -1L));

        assertThatThrownBy(() -> OperatorKind.SLOW.resolvedParams(op))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("operator 'slowdown': parameter 'costMicros' must be >= 0, was -1");
    }

    @Test
    void resolvedParams_refusesAnUnknownParameter_listingTheKnownOnes() {
        OperatorSpec op = new OperatorSpec("slowdown", null, "slow", 1, null, Map.of("cost", 1L));

        assertThatThrownBy(() -> OperatorKind.SLOW.resolvedParams(op))
                .hasMessage("operator 'slowdown': unknown parameter 'cost' for slow "
                        + "(parameters: costMicros, jitterMicros)");
    }

    @Test
    void resolvedParams_refusesAnOperatorOfAnotherKind() {
        OperatorSpec op = new OperatorSpec("m", null, "map", 1, null, Map.of());

        assertThatThrownBy(() -> OperatorKind.SLOW.resolvedParams(op))
                .hasMessage("operator 'm': is a map, not a slow");
    }

    @Test
    void paramsOf_givesTypedGetters() {
        OperatorSpec words = new OperatorSpec("split", null, "flat-map-words", 1, null, Map.of());
        OperatorSpec window = new OperatorSpec("w", null, "tumbling-window-count", 1, null, Map.of("unit", "ms"));

        assertThat(OperatorKind.FLAT_MAP_WORDS.paramsOf(words).getBoolean("lowercase")).isTrue();
        OperatorParams w = OperatorKind.TUMBLING_WINDOW_COUNT.paramsOf(window);
        assertThat(w.getLong("size")).isEqualTo(1000L);
        assertThat(w.getString("unit")).isEqualTo("ms");
        assertThatThrownBy(() -> w.getLong("unit"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("operator 'w': parameter 'unit' is a String, not a Long");
        assertThatThrownBy(() -> w.getLong("nope"))
                .hasMessage("operator 'w' has no value for parameter 'nope'");
    }
}
