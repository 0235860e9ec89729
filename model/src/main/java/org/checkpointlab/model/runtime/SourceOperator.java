package org.checkpointlab.model.runtime;

import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * A source: it has no input; the task asks it to emit whenever the task's outputs have credit. Its read position
 * is operator state, snapshotted when a checkpoint is triggered.
 */
public interface SourceOperator extends StreamOperator {

    /**
     * The most records a task asks a source for at a time ({@link #emit}'s {@code maxRecords}, unless a rate limit
     * makes fewer due).
     */
    int BATCH = 256;

    /** Returned by {@link #emit} when the source has no more data. */
    int END_OF_DATA = -1;

    /**
     * Emits at most {@code maxRecords} records through the context's output.
     *
     * @return the number emitted; 0 when nothing is due yet (rate limit: see {@link #nanosUntilNextRecord});
     *         {@link #END_OF_DATA} when the source is exhausted
     */
    int emit(int maxRecords) throws Exception;

    /** How long until the next record is due (0 if now). */
    long nanosUntilNextRecord();

    /**
     * Stop-with-savepoint with drain: the input ends now. From the next {@link #emit} on the source reports
     * {@link #END_OF_DATA}, and its snapshots record that it finished, so a job restored from them reads nothing
     * more (Flink keeps a drained source finished in the savepoint).
     */
    void drain();

    @Override
    default void processRecord(StreamRecord record, int input) {
        throw new UnsupportedOperationException("a source has no input");
    }
}
