package org.checkpointlab.flink.operators;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.checkpointlab.flink.FlinkRecord;
import org.checkpointlab.flink.types.RecordTypes;

/**
 * The keyed operator kinds on Flink's keyed state (the state names are the local engine's), each emitting what the
 * local operator of that kind emits.
 */
public final class KeyedFunctions {
    private KeyedFunctions() {
    }

    /** Base: opens the probe, counts in and out. */
    public abstract static class Probed extends KeyedProcessFunction<Object, FlinkRecord, FlinkRecord> {
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
        public final void processElement(FlinkRecord r, Context ctx, Collector<FlinkRecord> out) throws Exception {
            probe.recordIn();
            FlinkRecord result = process(r);
            if (result != null) {
                probe.recordOut();
                out.collect(result);
            }
        }

        /** The record to emit for {@code r}, or null. */
        abstract FlinkRecord process(FlinkRecord r) throws Exception;
    }

    /**
     * A running total per key in one {@code ValueState<Long>} named as the local engine names it: each record adds
     * {@link #increment} and the function emits {@code (key, total)}.
     */
    abstract static class RunningTotal extends Probed {
        private static final long serialVersionUID = 1L;
        private final String stateName;
        private transient ValueState<Long> total;

        RunningTotal(OperatorProbe probe, String stateName) {
            super(probe);
            this.stateName = stateName;
        }

        /** What {@code r} adds to its key's total. */
        abstract long increment(FlinkRecord r);

        @Override
        public void open(OpenContext openContext) throws Exception {
            super.open(openContext);
            total = getRuntimeContext().getState(new ValueStateDescriptor<>(stateName, Types.LONG));
        }

        @Override
        FlinkRecord process(FlinkRecord r) throws Exception {
            Long t = total.value();
            long next = (t == null ? 0 : t) + increment(r);
            total.update(next);
            return new FlinkRecord(r.key, next, r.seq);
        }
    }

    /** {@code keyed-count}: emits {@code (key, running count)}. */
    public static final class Count extends RunningTotal {
        private static final long serialVersionUID = 1L;

        public Count(OperatorProbe probe) {
            super(probe, "count");
        }

        @Override
        long increment(FlinkRecord r) {
            return 1;
        }
    }

    /** {@code keyed-sum}: emits {@code (key, running sum)} of the numeric values (others count as 0). */
    public static final class Sum extends RunningTotal {
        private static final long serialVersionUID = 1L;

        public Sum(OperatorProbe probe) {
            super(probe, "sum");
        }

        @Override
        long increment(FlinkRecord r) {
            return r.value instanceof Number n ? n.longValue() : 0;
        }
    }

    /** {@code dedup}: forwards a record the first time its value is seen for its key. */
    public static final class Dedup extends Probed {
        private static final long serialVersionUID = 1L;
        private transient MapState<Object, Boolean> seen;

        public Dedup(OperatorProbe probe) {
            super(probe);
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            super.open(openContext);
            seen = getRuntimeContext().getMapState(new MapStateDescriptor<>("seen",
                    RecordTypes.FIELD, Types.BOOLEAN));
        }

        @Override
        FlinkRecord process(FlinkRecord r) throws Exception {
            if (seen.contains(r.value)) {
                return null;
            }
            seen.put(r.value, Boolean.TRUE);
            return r;
        }
    }
}
