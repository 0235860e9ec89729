package org.checkpointlab.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in the top-level {@code samples/} folder is a valid pipeline that survives a write and re-read. */
class SamplesTest {

    /** Tests run in the model module's directory. */
    private static final Path SAMPLES = Path.of("..", "samples");

    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static PipelineSpec load(String name) throws PipelineException {
        return PipelineJson.read(SAMPLES.resolve(name));
    }

    @Test
    void theSamplesFolder_holdsEveryDocumentedSample() throws IOException {
        assertThat(samples()).map(p -> p.getFileName().toString()).contains(
                "word-count.json", "keyed-count-slow-sink.json", "windowed-aggregation.json",
                "two-source-union.json", "benchmark-keyed-count.json", "benchmark-backpressure.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSample_isValid(Path file) throws PipelineException {
        PipelineValidator.validate(PipelineJson.read(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSample_roundTripsThroughToJson(Path file) throws PipelineException {
        PipelineSpec p = PipelineJson.read(file);

        assertThat(PipelineJson.parse(file.toString(), PipelineJson.toJson(p))).isEqualTo(p);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSample_givesEveryOperatorAReadableName(Path file) throws PipelineException {
        assertThat(PipelineJson.read(file).operators()).allSatisfy(op ->
                assertThat(op.name()).isNotEqualTo(op.id()).matches("[A-Z].*"));
    }

    @Test
    void wordCount_splitsSentencesCountsPerWordAndCommitsTransactionally() throws PipelineException {
        PipelineSpec p = load("word-count.json");

        assertThat(p.operators()).extracting(OperatorSpec::kind).containsExactly("sentence-source",
                "flat-map-words", "keyed-count", "transactional-sink");
        assertThat(p.edges()).extracting(EdgeSpec::partitioning).containsExactly(Partitioning.FORWARD,
                Partitioning.HASH, Partitioning.FORWARD);
        assertThat(interval(p)).isEqualTo(LabDefaults.CHECKPOINT_INTERVAL);
    }

    /** Every sample but the benchmarks starts as a new pipeline in the editor does: checkpointing on, unbounded. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSampleButTheBenchmarks_checkpointsAndRunsUntilStopped(Path file) throws PipelineException {
        PipelineSpec p = PipelineJson.read(file);
        assertThat(interval(p)).as("checkpoint interval").isNotNull().isLessThanOrEqualTo(Duration.ofSeconds(2));
        if (isBenchmark(file)) {
            return;
        }
        for (OperatorSpec source : p.operators()) {
            OperatorKind kind = OperatorKind.byJsonName(source.kind()).orElseThrow();
            if (kind.role() == OperatorKind.Role.SOURCE) {
                OperatorParams params = kind.paramsOf(source);
                assertThat(params.getLong("count")).as(source.id() + " count").isZero();
                assertThat(params.getLong("ratePerSecond")).as(source.id() + " records/s per subtask")
                        .isBetween(1L, 1_000L);
            }
        }
    }

    /** The full-speed pipelines: benchmark-*.json, and twenty-operators (the frame-time benchmark). */
    private static boolean isBenchmark(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("benchmark-") || name.equals("twenty-operators.json");
    }

    @Test
    void keyedCountSlowSink_isUnboundedRateLimitedAndUnchained() throws PipelineException {
        PipelineSpec p = load("keyed-count-slow-sink.json");

        assertThat(p.chaining()).isFalse();
        OperatorSpec source = p.operators().get(0);
        assertThat(OperatorKind.SEQUENCE_SOURCE.paramsOf(source).getLong("count")).isZero();
        assertThat(OperatorKind.SEQUENCE_SOURCE.paramsOf(source).getLong("ratePerSecond")).isEqualTo(500);
        assertThat(p.operators()).extracting(OperatorSpec::kind).containsExactly("sequence-source", "keyed-count",
                "slow", "discard-sink");
        assertThat(interval(p)).isEqualTo(Duration.ofSeconds(2));
        long slowCapacity = 1_000_000 / OperatorKind.SLOW.paramsOf(p.operator("slow").orElseThrow())
                .getLong("costMicros");
        assertThat(slowCapacity).as("records/s the slow step takes: less than the source sends, so backpressure")
                .isLessThan(OperatorKind.SEQUENCE_SOURCE.paramsOf(source).getLong("ratePerSecond"));
    }

    @Test
    void windowedAggregation_usesProcessingTimeWindowsOfOneSecond() throws PipelineException {
        PipelineSpec p = load("windowed-aggregation.json");
        OperatorSpec window = p.operator("windows").orElseThrow();

        OperatorParams params = OperatorKind.TUMBLING_WINDOW_COUNT.paramsOf(window);
        assertThat(params.getLong("size")).isEqualTo(1000);
        assertThat(params.getString("unit")).isEqualTo("ms");
        assertThat(p.outputsOf("windows")).extracting(EdgeSpec::partitioning).containsExactly(Partitioning.REBALANCE);
    }

    @Test
    void twoSourceUnion_hasAFastAndASlowSourceIntoOneUnion() throws PipelineException {
        PipelineSpec p = load("two-source-union.json");

        assertThat(p.inputsOf("union")).extracting(EdgeSpec::from).containsExactly("fast", "slow");
        assertThat(OperatorKind.SEQUENCE_SOURCE.paramsOf(p.operator("fast").orElseThrow()).getLong("ratePerSecond"))
                .isEqualTo(200);
        assertThat(OperatorKind.SEQUENCE_SOURCE.paramsOf(p.operator("slow").orElseThrow()).getLong("ratePerSecond"))
                .isEqualTo(5);
        assertThat(p.chaining()).isFalse();
    }

    @Test
    void benchmarks_checkpointExactlyOnceAligned() throws PipelineException {
        for (String name : List.of("benchmark-keyed-count.json", "benchmark-backpressure.json")) {
            CheckpointOptions o = load(name).checkpointing().options();
            assertThat(o.mode()).as(name).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
            assertThat(o.unaligned()).as(name).isFalse();
        }
        PipelineSpec backpressure = load("benchmark-backpressure.json");
        assertThat(backpressure.operators()).extracting(OperatorSpec::kind)
                .containsExactly("sequence-source", "keyed-count", "slow", "discard-sink");
        assertThat(interval(backpressure)).isEqualTo(Duration.ofSeconds(2));
        assertThat(interval(load("benchmark-keyed-count.json"))).isEqualTo(Duration.ofSeconds(1));
    }

    private static Duration interval(PipelineSpec p) {
        return p.checkpointing().options().interval();
    }
}
