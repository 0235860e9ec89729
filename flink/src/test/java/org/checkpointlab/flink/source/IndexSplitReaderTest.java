package org.checkpointlab.flink.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.core.io.InputStatus;
import org.checkpointlab.flink.FlinkRecord;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;
import org.checkpointlab.model.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

/**
 * The Flink source reader emits, per subtask, exactly the records of the local engine's source subtask, in the
 * same order; it resumes from its snapshot where it left off.
 */
class IndexSplitReaderTest {
    private static final int PARALLELISM = 3;
    private static final long COUNT = 5_000;

    @Test
    void eachSubtaskEmitsTheLocalEnginesRecordsInTheLocalEnginesOrder() throws Exception {
        OperatorSpec source = new OperatorSpec("numbers", null, "sequence-source", PARALLELISM, null,
                java.util.Map.of("count", COUNT, "keys", 7));
        PipelineSpec pipeline = new PipelineSpec(1, "order", List.of(source,
                new OperatorSpec("sink", null, "collect-sink", PARALLELISM, null, java.util.Map.of())),
                List.of(new EdgeSpec("numbers", "sink", Partitioning.FORWARD)), java.util.Map.of(), true);
        int splits = PipelineValidator.effectiveMaxParallelism(source);
        List<StreamRecord> local;
        try (Job job = Job.start(JobConfig.of(pipeline))) {
            assertThat(job.awaitTermination(Duration.ofSeconds(60))).isTrue();
            local = job.sinkOutputs().get("sink").records();
        }
        assertThat(local).hasSize((int) COUNT);

        for (int subtask = 0; subtask < PARALLELISM; subtask++) {
            int s = subtask;
            List<String> expected = local.stream().filter(r -> (r.seq() % splits) % PARALLELISM == s)
                    .map(r -> r.key() + "," + r.value()).toList();
            IndexSplitReader reader = reader();
            reader.addSplits(splitsOf(subtask, splits));
            reader.notifyNoMoreSplits();
            assertThat(readAll(reader)).isEqualTo(expected);
        }
    }

    @Test
    void aRestoredReaderResumesAtItsSnapshot() throws Exception {
        IndexSplitReader first = reader();
        first.addSplits(splitsOf(1, 128));
        first.notifyNoMoreSplits();
        List<String> all = readAll(reader(splitsOf(1, 128)));
        Collecting out = new Collecting();
        for (int k = 0; k < 1_000; k++) {
            first.pollNext(out);
        }
        List<IndexSplit> snapshot = first.snapshotState(1);
        List<String> rest = readAll(reader(snapshot));
        List<String> joined = new ArrayList<>(out.records);
        joined.addAll(rest);
        assertThat(joined).containsExactlyInAnyOrderElementsOf(all);
        assertThat(out.records).hasSize(1_000);
    }

    private static IndexSplitReader reader() {
        IndexSplitReader reader = new IndexSplitReader(new RecordGenerator.Sequence(7), COUNT, 128, 0,
                new LongAdder(), () -> { });
        reader.start();
        return reader;
    }

    private static IndexSplitReader reader(List<IndexSplit> splits) {
        IndexSplitReader reader = reader();
        reader.addSplits(splits);
        reader.notifyNoMoreSplits();
        return reader;
    }

    private static List<IndexSplit> splitsOf(int subtask, int splits) {
        List<IndexSplit> mine = new ArrayList<>();
        for (int k = subtask; k < splits; k += PARALLELISM) {
            mine.add(new IndexSplit(k, 0));
        }
        return mine;
    }

    private static List<String> readAll(IndexSplitReader reader) throws Exception {
        Collecting out = new Collecting();
        while (reader.pollNext(out) != InputStatus.END_OF_INPUT) {
            assertThat(out.records.size()).isLessThanOrEqualTo((int) COUNT);
        }
        return out.records;
    }

    /** Collects what the reader emits, as {@code key,value}. */
    private static final class Collecting implements ReaderOutput<FlinkRecord> {
        final List<String> records = new ArrayList<>();

        @Override
        public void collect(FlinkRecord record) {
            records.add(record.text());
        }

        @Override
        public void collect(FlinkRecord record, long timestamp) {
            collect(record);
        }

        @Override
        public void emitWatermark(Watermark watermark) {
        }

        @Override
        public void markIdle() {
        }

        @Override
        public void markActive() {
        }

        @Override
        public SourceOutput<FlinkRecord> createOutputForSplit(String splitId) {
            return this;
        }

        @Override
        public void releaseOutputForSplit(String splitId) {
        }
    }
}
