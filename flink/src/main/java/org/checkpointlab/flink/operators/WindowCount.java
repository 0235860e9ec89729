package org.checkpointlab.flink.operators;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.util.Collector;
import org.checkpointlab.flink.FlinkRecord;

/**
 * {@code tumbling-window-count} on Flink's windows: the records of a key in a window are counted, and the window
 * emits {@code (key, count)} when it fires. The probe sees the records of each fired window at that moment (a
 * window that never fires is not counted as input).
 */
public final class WindowCount {
    private WindowCount() {
    }

    /** Counts the records of a window: [count, seq of the last record]. */
    public static final class Counter implements AggregateFunction<FlinkRecord, long[], long[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] createAccumulator() {
            return new long[] {0, 0};
        }

        @Override
        public long[] add(FlinkRecord r, long[] acc) {
            return new long[] {acc[0] + 1, r.seq};
        }

        @Override
        public long[] getResult(long[] acc) {
            return acc;
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], Math.max(a[1], b[1])};
        }
    }

    /** Emits {@code (key, count)} for a fired window. */
    public static final class Emit<W extends Window> extends ProcessWindowFunction<long[], FlinkRecord, Object, W> {
        private static final long serialVersionUID = 1L;
        private final OperatorProbe probe;

        public Emit(OperatorProbe probe) {
            this.probe = probe;
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            probe.open(getRuntimeContext().getTaskInfo());
        }

        @Override
        public void process(Object key, Context context, Iterable<long[]> counts, Collector<FlinkRecord> out) {
            for (long[] c : counts) {
                for (long k = 0; k < c[0]; k++) {
                    probe.recordIn();
                }
                probe.recordOut();
                out.collect(new FlinkRecord(key, c[0], c[1]));
            }
        }
    }
}
