package org.checkpointlab.model.operators;

import java.util.ArrayList;
import java.util.List;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.runtime.SourceOperator;
import org.checkpointlab.model.state.ListState;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * A deterministic, replayable source. Its records 0, 1, 2, … are divided into splits (record i belongs to split
 * i % splits, as many splits as the operator's max parallelism); each subtask reads its splits round robin. The
 * read position of each split is operator list state ({@code splits}: [split, next local offset] pairs), so after a
 * restore every subtask resumes exactly where the checkpoint was taken, and after rescaling the splits are dealt to
 * the new subtasks evenly. A source drained by a stop-with-savepoint records that in union state
 * ({@code drained}), so every subtask of a job restored from that savepoint ends at once.
 */
abstract class SplitSource implements SourceOperator {
    /** In slow motion, a source without a rate limit emits this many records per second times the speed. */
    private static final long SLOW_MOTION_BASE_RATE = 100_000;

    private OperatorContext context;
    private Output output;
    private ListState<List<Long>> splitState;
    private long count;
    private long ratePerSecond;
    private int totalSplits;
    /** [split, next local offset] of each split this subtask reads. */
    private long[][] splits;
    private int current;
    private int exhausted;
    private long rateStartNanos;
    private long emittedSinceRateStart;
    /** The rate {@link #rateStartNanos} and {@link #emittedSinceRateStart} count against. */
    private double rateSpeed;
    /** Drained by a stop-with-savepoint (now, or in the job whose savepoint this one restored). */
    private boolean drained;

    /** The record with sequence number {@code i}. */
    protected abstract StreamRecord record(long i);

    /** Called once the parameters are known. */
    protected void configure(OperatorContext context) {
    }

    @Override
    public void open(OperatorContext context) {
        this.context = context;
        this.output = context.output();
        this.count = Params.getLong(context.params(), "count", 0);
        this.ratePerSecond = Params.getLong(context.params(), "ratePerSecond", 0);
        this.totalSplits = context.maxParallelism();
        configure(context);
        splitState = context.operatorState().listState("splits");
        List<List<Long>> restored = splitState.get();
        List<long[]> mine = new ArrayList<>();
        if (restored.isEmpty() && !restoredFromCheckpoint(context)) {
            for (int s = context.subtaskIndex(); s < totalSplits; s += context.parallelism()) {
                mine.add(new long[] {s, 0});
            }
        } else {
            for (List<Long> pair : restored) {
                mine.add(new long[] {pair.get(0), pair.get(1)});
            }
        }
        splits = mine.toArray(new long[0][]);
        drained = !context.operatorState().unionListState("drained").get().isEmpty();
        for (long[] split : splits) {
            if (isExhausted(split)) {
                exhausted++;
            }
        }
        rateStartNanos = System.nanoTime();
        rateSpeed = effectiveRate();
    }

    /** Whether the split state was restored (a subtask may legitimately own no split after rescaling). */
    private static boolean restoredFromCheckpoint(OperatorContext context) {
        return !context.operatorState().unionListState("restored-marker").get().isEmpty();
    }

    private boolean isExhausted(long[] split) {
        return count > 0 && split[0] + split[1] * totalSplits >= count;
    }

    @Override
    public int emit(int maxRecords) {
        if (exhausted == splits.length || drained) {
            return END_OF_DATA;
        }
        int budget = maxRecords;
        double rate = effectiveRate();
        if (rate > 0) {
            if (rate != rateSpeed) {
                rateSpeed = rate;
                rateStartNanos = System.nanoTime();
                emittedSinceRateStart = 0;
            }
            long elapsed = System.nanoTime() - rateStartNanos;
            long due = (long) (elapsed / 1e9 * rate) - emittedSinceRateStart;
            if (due <= 0) {
                return 0;
            }
            budget = (int) Math.min(budget, due);
        }
        int emitted = 0;
        while (emitted < budget && exhausted < splits.length) {
            long[] split = splits[current];
            if (isExhausted(split)) {
                current = nextUnexhausted(current);
                continue;
            }
            int run = Math.min(SourceRecords.RUN_PER_SPLIT, budget - emitted);
            long s = split[0];
            long offset = split[1];
            for (int k = 0; k < run; k++) {
                long i = s + offset * totalSplits;
                if (count > 0 && i >= count) {
                    break;
                }
                output.collect(record(i));
                offset++;
                emitted++;
            }
            split[1] = offset;
            if (isExhausted(split)) {
                exhausted++;
            }
            current = nextUnexhausted(current);
        }
        emittedSinceRateStart += emitted;
        return emitted;
    }

    private int nextUnexhausted(int from) {
        for (int k = 1; k <= splits.length; k++) {
            int c = (from + k) % splits.length;
            if (!isExhausted(splits[c])) {
                return c;
            }
        }
        return from;
    }

    /** Records per second now: the rate limit scaled by the speed; 0 for as fast as possible. */
    private double effectiveRate() {
        double speed = context.speed();
        if (ratePerSecond > 0) {
            return ratePerSecond * speed;
        }
        return speed < 1.0 ? SLOW_MOTION_BASE_RATE * speed : 0;
    }

    @Override
    public long nanosUntilNextRecord() {
        double rate = effectiveRate();
        if (rate <= 0) {
            return 0;
        }
        long dueAt = rateStartNanos + (long) ((emittedSinceRateStart + 1) * 1e9 / rate);
        return Math.max(0, dueAt - System.nanoTime());
    }

    @Override
    public void prepareSnapshot(long checkpointId) {
        List<List<Long>> state = new ArrayList<>(splits.length);
        for (long[] split : splits) {
            state.add(List.of(split[0], split[1]));
        }
        splitState.update(state);
        context.operatorState().<Long>unionListState("restored-marker").update(List.of(1L));
        context.operatorState().<Long>unionListState("drained").update(drained ? List.of(1L) : List.of());
    }

    @Override
    public void drain() {
        drained = true;
    }
}
