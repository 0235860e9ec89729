package org.checkpointlab.flink.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;
import org.checkpointlab.flink.FlinkRecord;
import org.checkpointlab.model.operators.SourceRecords;
import org.checkpointlab.model.runtime.SourceOperator;

/**
 * Reads the splits of one subtask in the local engine's order ({@link SourceRecords}): runs of
 * {@link SourceRecords#RUN_PER_SPLIT} records of a split, a run ending early with its split or with a batch of
 * {@link SourceOperator#BATCH} records, then the next split that is not exhausted, round robin. With a rate limit it
 * emits at most {@code ratePerSecond} records per second, counted from when it started (the local engine's batches
 * then hold the records due, so the interleaving of splits may differ; the records never do).
 *
 * <p>Threading: every method runs in the task thread except the completion of the availability future, which a
 * timer thread may complete.
 */
final class IndexSplitReader implements SourceReader<FlinkRecord, IndexSplit> {
    private final RecordGenerator generator;
    private final long count;
    private final int totalSplits;
    private final long ratePerSecond;
    private final LongAdder emittedCounter;
    private final Runnable onStart;
    /** [split, next local offset] of each split this subtask reads, in assignment order. */
    private final List<long[]> splits = new ArrayList<>();
    private int current;
    private int runLeft = SourceRecords.RUN_PER_SPLIT;
    private int batchLeft = SourceOperator.BATCH;
    private boolean noMoreSplits;
    private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);
    private long rateStartNanos;
    private long emitted;

    IndexSplitReader(RecordGenerator generator, long count, int totalSplits, long ratePerSecond,
                     LongAdder emittedCounter, Runnable onStart) {
        this.generator = generator;
        this.count = count;
        this.totalSplits = totalSplits;
        this.ratePerSecond = ratePerSecond;
        this.emittedCounter = emittedCounter;
        this.onStart = onStart;
    }

    @Override
    public void start() {
        rateStartNanos = System.nanoTime();
        onStart.run();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<FlinkRecord> output) {
        if (!advanceToUnexhausted()) {
            if (noMoreSplits) {
                return InputStatus.END_OF_INPUT;
            }
            available = new CompletableFuture<>();
            return InputStatus.NOTHING_AVAILABLE;
        }
        if (ratePerSecond > 0) {
            long dueAt = rateStartNanos + (long) (emitted * 1e9 / ratePerSecond);
            long wait = dueAt - System.nanoTime();
            if (wait > 0) {
                CompletableFuture<Void> later = new CompletableFuture<>();
                available = later;
                CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS).execute(() -> later.complete(null));
                return InputStatus.NOTHING_AVAILABLE;
            }
        }
        long[] split = splits.get(current);
        long i = split[0] + split[1] * totalSplits;
        output.collect(generator.record(i));
        split[1]++;
        emitted++;
        emittedCounter.increment();
        boolean batchEnds = --batchLeft == 0;
        if (--runLeft == 0 || exhausted(split) || batchEnds) {
            current = (current + 1) % splits.size();
            runLeft = SourceRecords.RUN_PER_SPLIT;
        }
        if (batchEnds) {
            batchLeft = SourceOperator.BATCH;
        }
        return InputStatus.MORE_AVAILABLE;
    }

    /** Moves {@link #current} to the next split with records left; false when there is none. */
    private boolean advanceToUnexhausted() {
        for (int k = 0; k < splits.size(); k++) {
            int c = (current + k) % splits.size();
            if (!exhausted(splits.get(c))) {
                if (c != current) {
                    current = c;
                    runLeft = SourceRecords.RUN_PER_SPLIT;
                }
                return true;
            }
        }
        return false;
    }

    private boolean exhausted(long[] split) {
        return count > 0 && split[0] + split[1] * totalSplits >= count;
    }

    @Override
    public List<IndexSplit> snapshotState(long checkpointId) {
        List<IndexSplit> state = new ArrayList<>(splits.size());
        for (long[] s : splits) {
            state.add(new IndexSplit((int) s[0], s[1]));
        }
        return state;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<IndexSplit> newSplits) {
        for (IndexSplit s : newSplits) {
            splits.add(new long[] {s.split(), s.offset()});
        }
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close() {
        available.complete(null);
    }
}
