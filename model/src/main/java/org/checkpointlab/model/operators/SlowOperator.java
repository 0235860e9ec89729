package org.checkpointlab.model.operators;

import java.util.SplittableRandom;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.runtime.StreamRecord;

/**
 * {@code slow}: spends {@code costMicros} (± {@code jitterMicros}) of CPU per record, then forwards it: the per-record
 * work that makes upstream operators backpressured. In slow motion the cost grows by 1 / speed.
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
        double speed = context.speed();
        if (speed < 1.0) {
            cost = (long) (cost / Math.max(1e-6, speed));
        }
        long until = System.nanoTime() + cost;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        out.collect(record);
    }
}
