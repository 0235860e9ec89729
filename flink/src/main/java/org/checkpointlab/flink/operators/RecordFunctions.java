package org.checkpointlab.flink.operators;

import java.util.SplittableRandom;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.checkpointlab.flink.FlinkRecord;
import org.checkpointlab.model.operators.Words;

/**
 * The stateless operator kinds as Flink functions, each with the record semantics of the local engine's operator of
 * the same kind (see {@code org.checkpointlab.model.operators}).
 */
public final class RecordFunctions {
    private RecordFunctions() {
    }

    /** Base: opens the probe, counts in and out. */
    public abstract static class Probed extends ProcessFunction<FlinkRecord, FlinkRecord> {
        private static final long serialVersionUID = 1L;
        private final OperatorProbe probe;

        Probed(OperatorProbe probe) {
            this.probe = probe;
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            probe.open(getRuntimeContext().getTaskInfo());
        }

        @Override
        public final void processElement(FlinkRecord r, Context ctx, Collector<FlinkRecord> out) {
            probe.recordIn();
            process(r, record -> {
                probe.recordOut();
                out.collect(record);
            });
        }

        abstract void process(FlinkRecord r, java.util.function.Consumer<FlinkRecord> out);
    }

    /** {@code map}: a numeric value v becomes {@code v * multiply + add}; others pass unchanged. */
    public static final class Map extends Probed {
        private static final long serialVersionUID = 1L;
        private final long multiply;
        private final long add;

        public Map(OperatorProbe probe, long multiply, long add) {
            super(probe);
            this.multiply = multiply;
            this.add = add;
        }

        @Override
        void process(FlinkRecord r, java.util.function.Consumer<FlinkRecord> out) {
            out.accept(r.value instanceof Long v ? new FlinkRecord(r.key, v * multiply + add, r.seq) : r);
        }
    }

    /** {@code filter}: keeps v with {@code v mod modulo == remainder}; for text, v is its length. */
    public static final class Filter extends Probed {
        private static final long serialVersionUID = 1L;
        private final long modulo;
        private final long remainder;

        public Filter(OperatorProbe probe, long modulo, long remainder) {
            super(probe);
            this.modulo = Math.max(1, modulo);
            this.remainder = remainder;
        }

        @Override
        void process(FlinkRecord r, java.util.function.Consumer<FlinkRecord> out) {
            long v = r.value instanceof Number n ? n.longValue() : r.value == null ? 0 : r.value.toString().length();
            if (Math.floorMod(v, modulo) == remainder) {
                out.accept(r);
            }
        }
    }

    /** {@code flat-map-words}: one {@code (word, 1)} per run of letters or digits. */
    public static final class FlatMapWords extends Probed {
        private static final long serialVersionUID = 1L;
        private static final Long ONE = 1L;
        private final boolean lowercase;

        public FlatMapWords(OperatorProbe probe, boolean lowercase) {
            super(probe);
            this.lowercase = lowercase;
        }

        @Override
        void process(FlinkRecord r, java.util.function.Consumer<FlinkRecord> out) {
            Words.split(r.value, lowercase, word -> out.accept(new FlinkRecord(word, ONE, r.seq)));
        }
    }

    /** {@code union} (after Flink's union of the inputs): forwards every record. */
    public static final class PassThrough extends Probed {
        private static final long serialVersionUID = 1L;

        public PassThrough(OperatorProbe probe) {
            super(probe);
        }

        @Override
        void process(FlinkRecord r, java.util.function.Consumer<FlinkRecord> out) {
            out.accept(r);
        }
    }

    /** {@code slow}: spins {@code costMicros} (± jitter, seeded by the subtask index) per record, then forwards it. */
    public static final class Slow extends Probed {
        private static final long serialVersionUID = 1L;
        private final long costNanos;
        private final long jitterNanos;
        private transient SplittableRandom random;

        public Slow(OperatorProbe probe, long costMicros, long jitterMicros) {
            super(probe);
            this.costNanos = costMicros * 1000;
            this.jitterNanos = jitterMicros * 1000;
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            super.open(openContext);
            random = new SplittableRandom(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
        }

        @Override
        void process(FlinkRecord r, java.util.function.Consumer<FlinkRecord> out) {
            long cost = costNanos;
            if (jitterNanos > 0) {
                cost = Math.max(0, cost + random.nextLong(-jitterNanos, jitterNanos + 1));
            }
            long until = System.nanoTime() + cost;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            out.accept(r);
        }
    }
}
