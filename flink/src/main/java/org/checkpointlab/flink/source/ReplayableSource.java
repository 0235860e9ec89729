package org.checkpointlab.flink.source;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.checkpointlab.flink.FlinkRecord;
import org.checkpointlab.flink.RunRegistry;
import org.checkpointlab.flink.types.RecordTypes;

/**
 * The local engine's {@code sequence-source} and {@code sentence-source} as a Flink source: records
 * {@code 0 .. count-1} (unbounded when {@code count} is 0) in {@code totalSplits} splits, each subtask reading its
 * splits round robin at {@code ratePerSecond} records per second (0 = as fast as possible). Split offsets are reader
 * state, so a restore resumes where the checkpoint was taken.
 */
public final class ReplayableSource implements Source<FlinkRecord, IndexSplit, List<IndexSplit>>,
        ResultTypeQueryable<FlinkRecord> {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String operatorId;
    private final RecordGenerator generator;
    private final long count;
    private final int totalSplits;
    private final long ratePerSecond;

    public ReplayableSource(String runId, String operatorId, RecordGenerator generator, long count, int totalSplits,
                            long ratePerSecond) {
        if (totalSplits < 1 || count < 0 || ratePerSecond < 0) {
            throw new IllegalArgumentException("source '" + operatorId + "': bad splits " + totalSplits
                    + ", count " + count + " or rate " + ratePerSecond);
        }
        this.runId = runId;
        this.operatorId = operatorId;
        this.generator = generator;
        this.count = count;
        this.totalSplits = totalSplits;
        this.ratePerSecond = ratePerSecond;
    }

    @Override
    public Boundedness getBoundedness() {
        return count > 0 ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<IndexSplit, List<IndexSplit>> createEnumerator(
            SplitEnumeratorContext<IndexSplit> context) {
        List<IndexSplit> all = new ArrayList<>(totalSplits);
        for (int s = 0; s < totalSplits; s++) {
            all.add(new IndexSplit(s, 0));
        }
        return new StaticSplitAssigner(context, all);
    }

    @Override
    public SplitEnumerator<IndexSplit, List<IndexSplit>> restoreEnumerator(
            SplitEnumeratorContext<IndexSplit> context, List<IndexSplit> checkpoint) {
        return new StaticSplitAssigner(context, checkpoint);
    }

    @Override
    public SourceReader<FlinkRecord, IndexSplit> createReader(SourceReaderContext context) {
        RunRegistry run = RunRegistry.of(runId);
        return new IndexSplitReader(generator, count, totalSplits, ratePerSecond, run.recordsOut(operatorId),
                run::markSourceStarted);
    }

    @Override
    public org.apache.flink.core.io.SimpleVersionedSerializer<IndexSplit> getSplitSerializer() {
        return new IndexSplitSerializer.Single();
    }

    @Override
    public org.apache.flink.core.io.SimpleVersionedSerializer<List<IndexSplit>> getEnumeratorCheckpointSerializer() {
        return new IndexSplitSerializer.Many();
    }

    @Override
    public TypeInformation<FlinkRecord> getProducedType() {
        return RecordTypes.RECORD;
    }
}
