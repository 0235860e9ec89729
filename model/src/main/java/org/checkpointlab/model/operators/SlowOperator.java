package org.checkpointlab.model.operators;

import java.util.SplittableRandom;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * {@code slow}: spends {@code costMicros} (± {@code jitterMicros}) of CPU per record, then forwards it: the per-record
 * work that makes upstream operators backpressured. In slow motion a record takes cost / speed, the time beyond
 * the work asleep.
 */
final class SlowOperator implements StreamOperator {
    private Output out;
    private OperatorContext context;
    private long costNanos;
    private long jitterNanos;
    private SplittableRandom random;

    @Override
    public void open(OperatorContext context) {
        this.context = context;
        out = context.output();
        costNanos = Params.getLong(context.params(), "costMicros", 20) * 1000;
        jitterNanos = Params.getLong(context.params(), "jitterMicros", 0) * 1000;
        random = new SplittableRandom(context.subtaskIndex());
    }

    @Override
    public void processRecord(StreamRecord record, int input) {
        long cost = costNanos;
        if (jitterNanos > 0) {
            cost = Math.max(0, cost + random.nextLong(-jitterNanos, jitterNanos + 1));
        }
        long start = System.nanoTime();
        long until = start + cost;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        double speed = context.speed();
        if (speed < 1.0) {
            // Slow motion stretches the work: the record takes cost / speed, the part beyond the work asleep, so a
            // job at human speed does not keep the cores busy.
            long stretched = start + (long) (cost / Math.max(1e-6, speed));
            long rest = stretched - System.nanoTime();
            if (rest > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(rest);
            }
        }
        out.collect(record);
    }
}
