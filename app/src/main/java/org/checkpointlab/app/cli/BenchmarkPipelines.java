package org.checkpointlab.app.cli;

import java.util.List;
import java.util.Map;

import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * The benchmark's pipelines, built in code so that {@code bench} needs no files (they equal
 * {@code samples/benchmark-keyed-count.json} and {@code samples/benchmark-backpressure.json} up to sizes).
 */
final class BenchmarkPipelines {
    private BenchmarkPipelines() {
    }

    /** {@code sequence-source -hash-> keyed-count -forward-> discard-sink}; {@code records} 0 = unbounded. */
    static PipelineSpec keyedCount(long records, long keys, int parallelism) {
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "benchmark: keyed count", List.of(
                new OperatorSpec("numbers", "Numbers", "sequence-source", parallelism, null,
                        Map.of("count", records, "keys", keys)),
                new OperatorSpec("count", "Count per key", "keyed-count", parallelism, null, Map.of()),
                new OperatorSpec("discard", "Discard", "discard-sink", parallelism, null, Map.of())),
                List.of(new EdgeSpec("numbers", "count", Partitioning.HASH),
                        new EdgeSpec("count", "discard", Partitioning.FORWARD)),
                Map.of(), true);
    }

    /**
     * Word count as in {@code samples/word-count.json}, unbounded: {@code sentence-source -forward->
     * flat-map-words -hash-> keyed-count -forward-> transactional-sink}.
     */
    static PipelineSpec unboundedWordCount(int parallelism, long ratePerSecond) {
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "benchmark: word count", List.of(
                new OperatorSpec("sentences", "Sentences", "sentence-source", parallelism, null,
                        Map.of("count", 0L, "ratePerSecond", ratePerSecond)),
                new OperatorSpec("split", "Split words", "flat-map-words", parallelism, null, Map.of()),
                new OperatorSpec("count", "Count per word", "keyed-count", parallelism, null, Map.of()),
                new OperatorSpec("output", "Committed output", "transactional-sink", parallelism, null, Map.of())),
                List.of(new EdgeSpec("sentences", "split", Partitioning.FORWARD),
                        new EdgeSpec("split", "count", Partitioning.HASH),
                        new EdgeSpec("count", "output", Partitioning.FORWARD)),
                Map.of(), true);
    }

    /**
     * {@code sequence-source (unbounded) -hash-> keyed-count -forward-> slow -forward-> discard-sink}: the slow
     * operator backpressures the hash edge, so aligned barriers queue behind full buffers.
     */
    static PipelineSpec backpressure(long keys, int parallelism, long slowMicros) {
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "benchmark: keyed count with backpressure", List.of(
                new OperatorSpec("numbers", "Numbers", "sequence-source", parallelism, null,
                        Map.of("count", 0L, "keys", keys)),
                new OperatorSpec("count", "Count per key", "keyed-count", parallelism, null, Map.of()),
                new OperatorSpec("slow", "Slow step", "slow", parallelism, null, Map.of("costMicros", slowMicros)),
                new OperatorSpec("discard", "Discard", "discard-sink", parallelism, null, Map.of())),
                List.of(new EdgeSpec("numbers", "count", Partitioning.HASH),
                        new EdgeSpec("count", "slow", Partitioning.FORWARD),
                        new EdgeSpec("slow", "discard", Partitioning.FORWARD)),
                Map.of(), true);
    }
}
