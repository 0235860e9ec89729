package org.checkpointlab.model.operators;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * {@code sentence-source}: sentence i is {@link SourceRecords#sentence(long, long)}, a deterministic function of
 * {@code (seed, i)}.
 */
final class SentenceSource extends SplitSource {
    private long seed;

    @Override
    protected void configure(OperatorContext context) {
        seed = Params.getLong(context.params(), "seed", 42);
    }

    @Override
    protected StreamRecord record(long i) {
        return new StreamRecord(null, SourceRecords.sentence(seed, i), i);
    }
}
