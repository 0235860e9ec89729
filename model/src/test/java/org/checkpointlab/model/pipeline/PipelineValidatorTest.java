package org.checkpointlab.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.checkpointlab.model.pipeline.Partitioning.BROADCAST;
import static org.checkpointlab.model.pipeline.Partitioning.FORWARD;
import static org.checkpointlab.model.pipeline.Partitioning.HASH;
import static org.checkpointlab.model.pipeline.Partitioning.REBALANCE;
import static org.checkpointlab.model.pipeline.TestPipelines.pipeline;
import static org.checkpointlab.model.pipeline.TestPipelines.valid;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PipelineValidatorTest {

    private static List<String> problems(TestPipelines p) {
        return PipelineValidator.problems(p.build());
    }

    @Test
    void aValidPipeline_hasNoProblems() throws PipelineException {
        assertThat(problems(valid())).isEmpty();
        PipelineValidator.validate(valid().build());
    }

    @Test
    void validate_throwsWithEveryProblemAtOnce_asFactsWhoseEnglishIsTheProblemLine() {
        PipelineSpec bad = valid()
                .op("extra", "map", 0)
                .edge("count", "nowhere", FORWARD)
                .build();

        assertThatThrownBy(() -> PipelineValidator.validate(bad))
                .isInstanceOfSatisfying(PipelineException.class, e -> {
                    assertThat(e.problems()).containsExactly(
                            "operator 'extra': parallelism must be at least 1, was 0",
                            "edge count -> nowhere: there is no operator 'nowhere'",
                            "operator 'extra': has no input; every operator but a source needs one");
                    assertThat(e.findings()).containsExactly(
                            ValidationProblem.of(ValidationProblem.Kind.PARALLELISM_TOO_LOW, "extra", 0),
                            ValidationProblem.of(ValidationProblem.Kind.NO_SUCH_OPERATOR, "count", "nowhere",
                                    "nowhere"),
                            ValidationProblem.of(ValidationProblem.Kind.NO_INPUT, "extra"));
                    assertThat(e.findings()).extracting(ValidationProblem::english).isEqualTo(e.problems());
                });
    }

    @Test
    void duplicateOperatorIds_areRejectedNamingTheId() {
        assertThat(problems(valid().op("count", "map", 2)))
                .contains("operator 'count': id is used by 2 operators; ids must be unique");
    }

    /**
     * Each invalid pipeline with exactly the problems it must be reported with, in order: what is wrong and where.
     */
    static Stream<Arguments> invalidPipelines() {
        return Stream.of(
                rejected("empty pipeline", pipeline(),
                        "the pipeline has no operators; it needs at least a source and a sink"),
                rejected("blank id names the position and kind", valid().op(" ", "map", 2),
                        "operator #4 (map): id must not be blank"),
                rejected("unknown kind lists the known kinds", valid().op("x", "keyed-counter", 2)
                                .edge("source", "x", HASH),
                        "operator 'x': unknown kind 'keyed-counter' (known kinds: sequence-source, "
                                + "sentence-source, map, filter, flat-map-words, keyed-count, keyed-sum, "
                                + "tumbling-window-count, dedup, union, slow, discard-sink, collect-sink, "
                                + "transactional-sink)"),
                rejected("unknown parameter names the kind's parameters", pipeline()
                                .op("source", "sequence-source", 1, Map.of("rate", 5L))
                                .op("sink", "discard-sink", 1, Map.of("path", "x"))
                                .edge("source", "sink", FORWARD),
                        "operator 'source': unknown parameter 'rate' for sequence-source "
                                + "(parameters: count, keys, ratePerSecond)",
                        "operator 'sink': unknown parameter 'path' for discard-sink (it takes no parameters)"),
                rejected("parameter of the wrong type names operator and parameter", pipeline()
                                .op("source", "sentence-source", 1, Map.of("count", "many"))
                                .op("split", "flat-map-words", 1, Map.of("lowercase", "yes"))
                                .op("sink", "discard-sink", 1)
                                .edge("source", "split", FORWARD)
                                .edge("split", "sink", FORWARD),
                        "operator 'source': parameter 'count' must be a whole number, was \"many\"",
                        "operator 'split': parameter 'lowercase' must be true or false, was \"yes\""),
                rejected("parameter out of range gives the bound and the value", pipeline()
                                .op("source", "sequence-source", 1, Map.of("keys", 0L))
                                .op("slow", "slow", 1, Map.of("costMicros", -5L))
                                .op("window", "tumbling-window-count", 1, Map.of("unit", "s"))
                                .op("sink", "discard-sink", 1)
                                .edge("source", "slow", FORWARD)
                                .edge("slow", "window", HASH)
                                .edge("window", "sink", FORWARD),
                        "operator 'source': parameter 'keys' must be >= 1, was 0",
                        "operator 'slow': parameter 'costMicros' must be >= 0, was -5",
                        "operator 'window': parameter 'unit' must be one of count, ms, was \"s\""),
                rejected("parallelism below one", sourceToSink(0, null, 1, REBALANCE),
                        "operator 'source': parallelism must be at least 1, was 0"),
                rejected("max parallelism 0", sourceToSink(1, 0, 1, FORWARD),
                        "operator 'source': max parallelism must be between 1 and 32768, was 0"),
                rejected("max parallelism -3", sourceToSink(1, -3, 1, FORWARD),
                        "operator 'source': max parallelism must be between 1 and 32768, was -3"),
                rejected("max parallelism 32769", sourceToSink(1, 32769, 1, FORWARD),
                        "operator 'source': max parallelism must be between 1 and 32768, was 32769"),
                rejected("parallelism above max parallelism", sourceToSink(200, 128, 1, REBALANCE),
                        "operator 'source': parallelism 200 is larger than max parallelism 128"),
                rejected("parallelism above the upper bound when max parallelism is default",
                        sourceToSink(40_000, null, 1, REBALANCE),
                        "operator 'source': parallelism must be at most 32768, was 40000"),
                rejected("dangling edge names the edge and the missing operator",
                        valid().edge("ghost", "sink", FORWARD),
                        "edge ghost -> sink: there is no operator 'ghost'"),
                rejected("duplicate edge is reported once",
                        valid().edge("source", "count", HASH).edge("source", "count", HASH),
                        "edge source -> count: duplicate edge; connect two operators at most once"),
                rejected("self loop names the edge", sourceThrough("map", "map").edge("map", "map", FORWARD),
                        "edge map -> map: an operator cannot be its own input"),
                rejected("cycle names the operators on it", pipeline()
                                .op("source", "sequence-source", 1)
                                .op("union", "union", 1)
                                .op("a", "map", 1)
                                .op("b", "filter", 1)
                                .op("sink", "discard-sink", 1)
                                .edge("source", "union", FORWARD)
                                .edge("union", "a", FORWARD)
                                .edge("a", "b", FORWARD)
                                .edge("b", "union", FORWARD)
                                .edge("b", "sink", FORWARD),
                        "cycle union -> a -> b -> union: a pipeline must not loop back on itself"),
                rejected("forward edge between different parallelism names the edge", sourceToSink(2, null, 3, FORWARD),
                        "edge source -> sink: a forward edge needs equal parallelism on both sides, but 'source' "
                                + "has 2 and 'sink' has 3 (use rebalance or hash)"),
                rejected("source with inputs", sourceThrough("b", "sequence-source"),
                        "operator 'b': a source cannot have inputs, but has 1 (from source)"),
                rejected("sink with outputs", sourceThrough("first", "collect-sink"),
                        "operator 'first': a sink cannot have outputs, but has 1 (to sink)"),
                rejected("keyed operator with two inputs",
                        valid().op("other", "sequence-source", 2).edge("other", "count", HASH),
                        "operator 'count': keyed-count takes exactly 1 input, has 2"),
                rejected("union with one input", sourceThrough("union", "union"),
                        "operator 'union': union takes at least 2 inputs, has 1"),
                rejected("keyed operator whose input is not hash names the edge", pipeline()
                                .op("source", "sequence-source", 2)
                                .op("dedup", "dedup", 2)
                                .op("sink", "discard-sink", 2)
                                .edge("source", "dedup", REBALANCE)
                                .edge("dedup", "sink", FORWARD),
                        "edge source -> dedup: 'dedup' (dedup) is keyed, so its input must be hash-partitioned, "
                                + "not rebalance"),
                rejected("non-source without input", valid().op("lonely", "map", 2),
                        "operator 'lonely': has no input; every operator but a source needs one"),
                rejected("pipeline without source", pipeline().op("sink", "discard-sink", 1),
                        "operator 'sink': has no input; every operator but a source needs one",
                        "the pipeline has no source; it needs at least one"),
                rejected("pipeline without sink",
                        pipeline().op("source", "sequence-source", 1).op("map", "map", 1)
                                .edge("source", "map", FORWARD),
                        "the pipeline has no sink; it needs at least one"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPipelines")
    void invalidPipeline_isRejectedWithEachProblemNamingWhatAndWhere(String what, TestPipelines p,
            List<String> expected) {
        assertThat(problems(p)).containsExactlyElementsOf(expected);
    }

    private static Arguments rejected(String what, TestPipelines p, String... problems) {
        return Arguments.of(what, p, List.of(problems));
    }

    /** source (sequence-source, with the given parallelism and max parallelism) -> sink (discard-sink). */
    private static TestPipelines sourceToSink(int sourceParallelism, Integer maxParallelism, int sinkParallelism,
            Partitioning partitioning) {
        return pipeline()
                .op(new OperatorSpec("source", null, "sequence-source", sourceParallelism, maxParallelism, Map.of()))
                .op("sink", "discard-sink", sinkParallelism)
                .edge("source", "sink", partitioning);
    }

    /** source (sequence-source) -forward-> the given operator -forward-> sink (discard-sink), all parallelism 1. */
    private static TestPipelines sourceThrough(String id, String kind) {
        return pipeline()
                .op("source", "sequence-source", 1)
                .op(id, kind, 1)
                .op("sink", "discard-sink", 1)
                .edge("source", id, FORWARD)
                .edge(id, "sink", FORWARD);
    }

    @Test
    void unionWithThreeInputs_isAccepted() {
        TestPipelines p = pipeline()
                .op("a", "sequence-source", 1)
                .op("b", "sequence-source", 1)
                .op("c", "sentence-source", 1)
                .op("union", "union", 1)
                .op("sink", "discard-sink", 1)
                .edge("a", "union", FORWARD)
                .edge("b", "union", REBALANCE)
                .edge("c", "union", BROADCAST)
                .edge("union", "sink", FORWARD);

        assertThat(problems(p)).isEmpty();
    }

    @Test
    void operatorsNotReachableFromASource_areRejected() {
        TestPipelines p = valid()
                .op("x", "union", 2)
                .op("y", "map", 2)
                .edge("x", "y", FORWARD)
                .edge("y", "x", FORWARD)
                .edge("source", "x", REBALANCE)
                .edge("y", "sink", REBALANCE);
        // ... wired into the main flow the pair is reachable, but it is a cycle:
        assertThat(problems(p)).contains("cycle x -> y -> x: a pipeline must not loop back on itself")
                .noneMatch(s -> s.contains("not reachable"));

        TestPipelines island = valid()
                .op("x", "map", 2)
                .op("y", "map", 2)
                .edge("x", "y", FORWARD)
                .edge("y", "x", FORWARD);
        assertThat(problems(island)).containsExactly(
                "cycle x -> y -> x: a pipeline must not loop back on itself",
                "operator 'x': not reachable from any source",
                "operator 'y': not reachable from any source");
    }

    @Test
    void invalidCheckpointingSection_isRejectedUnderCheckpointing() {
        TestPipelines p = valid()
                .checkpointing("interval", "soon")
                .checkpointing("intervall", "1s")
                .checkpointing("mode", "at-least-once")
                .checkpointing("unaligned", true);

        assertThat(problems(p)).containsExactly(
                "checkpointing: 'interval': 'soon' is not a duration; expected a non-negative number with unit ms, "
                        + "s, m or h (e.g. 250ms, 1.5s, 2m, 1h), or a plain number of ms",
                "checkpointing: unknown key 'intervall' (known keys: interval, mode, timeout, minPause, "
                        + "maxConcurrent, tolerableFailures, unaligned, alignedTimeout, retention, retained, "
                        + "directory)",
                "checkpointing: unaligned checkpoints require exactly-once mode");
    }

    @Test
    void zeroCheckpointInterval_isReportedByTheOptionsRules() {
        assertThat(problems(valid().checkpointing("interval", "0")))
                .containsExactly("checkpointing: checkpoint interval must be positive (or off), was 0 ms");
    }

    @ParameterizedTest(name = "parallelism {0} -> max parallelism {1}")
    @CsvSource({"1, 128", "2, 128", "85, 128", "86, 256", "100, 256", "200, 512", "1000, 2048", "21846, 32768",
        "30000, 32768"})
    void defaultMaxParallelism_followsFlinksFormula(int parallelism, int expected) {
        assertThat(PipelineValidator.defaultMaxParallelism(parallelism)).isEqualTo(expected);
    }

    @Test
    void effectiveMaxParallelism_isTheGivenValueOrTheDefault() {
        assertThat(PipelineValidator.effectiveMaxParallelism(
                new OperatorSpec("a", null, "map", 4, 16, Map.of()))).isEqualTo(16);
        assertThat(PipelineValidator.effectiveMaxParallelism(
                new OperatorSpec("a", null, "map", 4, null, Map.of()))).isEqualTo(128);
    }
}
