package org.checkpointlab.flink.source;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * Split {@code split} of a replayable source and the local offset of its next record: its records are
 * {@code split + k * totalSplits} for k = offset, offset + 1, ... (see {@code SourceRecords}). Immutable; the
 * reader keeps its own mutable copy.
 */
public record IndexSplit(int split, long offset) implements SourceSplit {
    @Override
    public String splitId() {
        return Integer.toString(split);
    }
}
