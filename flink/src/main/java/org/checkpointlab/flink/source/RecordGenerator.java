package org.checkpointlab.flink.source;

import java.io.Serializable;
import org.checkpointlab.flink.FlinkRecord;
import org.checkpointlab.model.operators.SourceRecords;

/** Record {@code i} of a replayable source kind, exactly as the local engine's source of that kind makes it. */
public sealed interface RecordGenerator extends Serializable {

    FlinkRecord record(long i);

    /** {@code sequence-source}: key {@code i % keys}, value {@code i}. */
    record Sequence(long keys) implements RecordGenerator {
        @Override
        public FlinkRecord record(long i) {
            return new FlinkRecord(SourceRecords.sequenceKey(i, keys), i, i);
        }
    }

    /** {@code sentence-source}: no key, sentence {@code i} of {@code seed}. */
    record Sentences(long seed) implements RecordGenerator {
        @Override
        public FlinkRecord record(long i) {
            return new FlinkRecord(null, SourceRecords.sentence(seed, i), i);
        }
    }
}
