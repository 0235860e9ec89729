package org.checkpointlab.model.operators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.runtime.ChainedOperator;
import org.checkpointlab.model.runtime.ChainedOperatorContext;
import org.checkpointlab.model.runtime.HeapStateBackendFactory;
import org.checkpointlab.model.runtime.OperatorStateBackends;
import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.runtime.SinkStore;
import org.checkpointlab.model.state.StateBackendFactory;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.OperatorStateBackend;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * Drives one subtask of one operator, or of a chain of operators, without a job (Flink's
 * {@code KeyedOneInputStreamOperatorTestHarness}): records go into the head operator, each operator's output into
 * the next, and the last one's output is collected. Processing time is the harness's own clock, set by the test;
 * due timers fire, in time order, when it is advanced. {@link #snapshot} does what a subtask's sync and async phases
 * do (operators prepare, every state backend is snapshotted and written) and returns the bytes; a fresh harness
 * {@link Builder#restoreFrom restores} from the snapshots of every old subtask, at the same or another parallelism,
 * so keyed state is redistributed by key group and operator state as the engine does. Single-threaded.
 *
 * <p>The engine has no event time, so there are no watermarks to drive; {@link #endInput} is what a drained input
 * (Flink's MAX_WATERMARK) delivers.
 */
public final class OperatorTestHarness implements AutoCloseable {
    private final List<OperatorSpec> specs;
    private final int subtaskIndex;
    private final int parallelism;
    private final int maxParallelism;
    private final StreamOperator[] operators;
    private final KeyedStateBackend[] keyedBackends;
    private final OperatorStateBackend[] operatorBackends;
    private final CollectedOutput output = new CollectedOutput();
    /** Due timers as (time, operator index), earliest first, then in registration order. */
    private final PriorityQueue<long[]> timers = new PriorityQueue<>((a, b) -> a[0] != b[0]
            ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
    private long timerSequence;
    private long processingTime;

    private OperatorTestHarness(Builder b) throws Exception {
        this.specs = List.copyOf(b.chain);
        this.subtaskIndex = b.subtaskIndex;
        this.parallelism = b.parallelism;
        this.maxParallelism = b.maxParallelism;
        this.processingTime = b.processingTime;
        int n = specs.size();
        operators = new StreamOperator[n];
        keyedBackends = new KeyedStateBackend[n];
        operatorBackends = new OperatorStateBackend[n];
        // Step (1): state backends, restored from every old subtask's snapshot, as the task's operator chain does.
        List<ChainedOperator> chained = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OperatorSpec spec = specs.get(i);
            ChainedOperator op = new ChainedOperator(spec, kindOf(spec).resolvedParams(spec), maxParallelism,
                    kindOf(spec).keyed());
            chained.add(op);
            List<byte[]> keyed = null;
            List<byte[]> operator = null;
            if (!b.restoreFrom.isEmpty()) {
                keyed = new ArrayList<>();
                operator = new ArrayList<>();
                for (Snapshot old : b.restoreFrom) {
                    byte[] k = old.keyedState().get(spec.id());
                    if (k != null) {
                        keyed.add(k);
                    }
                    operator.add(Objects.requireNonNull(old.operatorState().get(spec.id()),
                            "no operator state of '" + spec.id() + "' in the snapshot"));
                }
            }
            OperatorStateBackends created = OperatorStateBackends.create(op, subtaskIndex, parallelism, b.backends,
                    keyed, operator);
            keyedBackends[i] = created.keyed();
            operatorBackends[i] = created.operator();
        }
        // Step (2): operators, last first, so each knows its output.
        Output out = output;
        for (int i = n - 1; i >= 0; i--) {
            OperatorSpec spec = specs.get(i);
            operators[i] = new Operators().create(chained.get(i));
            operators[i].open(new Context(i, out));
            StreamOperator next = operators[i];
            out = record -> {
                try {
                    next.processRecord(record, 0);
                } catch (Exception e) {
                    throw new IllegalStateException("operator '" + spec.id() + "' failed on " + record, e);
                }
            };
        }
    }

    /** A harness for subtask 0 of 1 of the chain {@code chain} (head first). */
    public static Builder forChain(OperatorSpec... chain) {
        return new Builder(List.of(chain));
    }

    /** A one-operator spec of {@code kind} with {@code params}, parallelism 1, for {@link #forChain}. */
    public static OperatorSpec operator(String id, String kind, Map<String, Object> params) {
        return new OperatorSpec(id, id, kind, 1, null, params);
    }

    private static OperatorKind kindOf(OperatorSpec spec) {
        return OperatorKind.byJsonName(spec.kind())
                .orElseThrow(() -> new IllegalArgumentException("unknown operator kind " + spec.kind()));
    }

    // ---- driving ----------------------------------------------------------------------------------------------------

    /** Processes one record in the head operator, on input 0. */
    public void processElement(Object key, Object value, long seq) throws Exception {
        processElement(new StreamRecord(key, value, seq), 0);
    }

    public void processElement(StreamRecord record, int input) throws Exception {
        operators[0].processRecord(record, input);
    }

    /** Sets the processing-time clock and fires every timer due by then, earliest first. */
    public void setProcessingTime(long timeMillis) throws Exception {
        if (timeMillis < processingTime) {
            throw new IllegalArgumentException("processing time goes forward: " + timeMillis + " < "
                    + processingTime);
        }
        processingTime = timeMillis;
        while (!timers.isEmpty() && timers.peek()[0] <= timeMillis) {
            long[] t = timers.poll();
            operators[(int) t[1]].onProcessingTime(t[0]);
        }
    }

    public long processingTime() {
        return processingTime;
    }

    /** Every input ran out (a bounded input, or a drain: Flink's MAX_WATERMARK). */
    public void endInput() throws Exception {
        for (StreamOperator op : operators) {
            op.endInput();
        }
    }

    /** What the chain's last operator emitted so far. */
    public List<StreamRecord> output() {
        return output.all();
    }

    /** The output so far, which is then forgotten (a failure drops what a sink did not commit). */
    public List<StreamRecord> takeOutput() {
        return output.take();
    }

    // ---- checkpoints -------------------------------------------------------------------------------------------------

    /** The sync phase (operators prepare, backends snapshot) and the async phase (bytes written), at once. */
    public Snapshot snapshot(long checkpointId) throws Exception {
        Map<String, KeyedStateBackend.KeyedSnapshot> keyed = new HashMap<>();
        Map<String, OperatorStateBackend.OperatorSnapshot> operator = new HashMap<>();
        for (int i = 0; i < operators.length; i++) {
            operators[i].prepareSnapshot(checkpointId);
        }
        for (int i = 0; i < operators.length; i++) {
            String id = specs.get(i).id();
            if (keyedBackends[i] != null) {
                keyed.put(id, keyedBackends[i].snapshot(checkpointId));
            }
            operator.put(id, operatorBackends[i].snapshot(checkpointId));
        }
        Map<String, byte[]> keyedBytes = new HashMap<>();
        Map<String, byte[]> operatorBytes = new HashMap<>();
        for (Map.Entry<String, KeyedStateBackend.KeyedSnapshot> e : keyed.entrySet()) {
            keyedBytes.put(e.getKey(), e.getValue().write());
        }
        for (Map.Entry<String, OperatorStateBackend.OperatorSnapshot> e : operator.entrySet()) {
            operatorBytes.put(e.getKey(), e.getValue().write());
        }
        return new Snapshot(checkpointId, subtaskIndex, keyedBytes, operatorBytes);
    }

    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        for (StreamOperator op : operators) {
            op.notifyCheckpointComplete(checkpointId);
        }
    }

    /** The keyed state backend of the chain's {@code index}th operator, or null. */
    public KeyedStateBackend keyedState(int index) {
        return keyedBackends[index];
    }

    @Override
    public void close() throws Exception {
        for (StreamOperator op : operators) {
            op.close();
        }
        for (KeyedStateBackend b : keyedBackends) {
            if (b != null) {
                b.close();
            }
        }
    }

    /**
     * The state of one subtask after {@link #snapshot}: per operator id, its keyed state (key-group blob) and its
     * operator state.
     */
    public record Snapshot(long checkpointId, int subtaskIndex, Map<String, byte[]> keyedState,
                           Map<String, byte[]> operatorState) {
    }

    /** Where the harness runs, what it restores from, how time starts. */
    public static final class Builder {
        private final List<OperatorSpec> chain;
        private int subtaskIndex;
        private int parallelism = 1;
        private int maxParallelism = 128;
        private StateBackendFactory backends = new HeapStateBackendFactory();
        private List<Snapshot> restoreFrom = List.of();
        private long processingTime;

        private Builder(List<OperatorSpec> chain) {
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("a harness needs at least one operator");
            }
            this.chain = chain;
        }

        public Builder subtask(int index, int parallelism) {
            KeyGroups.checkParallelism(maxParallelism, parallelism);
            if (index < 0 || index >= parallelism) {
                throw new IllegalArgumentException("subtask " + index + " of " + parallelism);
            }
            this.subtaskIndex = index;
            this.parallelism = parallelism;
            return this;
        }

        public Builder maxParallelism(int maxParallelism) {
            this.maxParallelism = maxParallelism;
            return this;
        }

        public Builder stateBackends(StateBackendFactory backends) {
            this.backends = backends;
            return this;
        }

        /** Restore from the snapshots of every old subtask (any old parallelism). */
        public Builder restoreFrom(List<Snapshot> oldSubtasks) {
            this.restoreFrom = List.copyOf(oldSubtasks);
            return this;
        }

        /** The processing time when the operators open. */
        public Builder processingTime(long timeMillis) {
            this.processingTime = timeMillis;
            return this;
        }

        /** Creates the backends, restores them, opens the operators. */
        public OperatorTestHarness open() throws Exception {
            return new OperatorTestHarness(this);
        }
    }

    /** The context of the chain's {@code index}th operator. */
    private final class Context extends ChainedOperatorContext {
        private final int index;

        Context(int index, Output out) {
            super(out, keyedBackends[index], operatorBackends[index], new SinkStore(null));
            this.index = index;
        }

        @Override
        public String operatorId() {
            return specs.get(index).id();
        }

        @Override
        public int subtaskIndex() {
            return subtaskIndex;
        }

        @Override
        public int parallelism() {
            return parallelism;
        }

        @Override
        public int maxParallelism() {
            return maxParallelism;
        }

        @Override
        public Map<String, Object> params() {
            OperatorSpec spec = specs.get(index);
            return kindOf(spec).resolvedParams(spec);
        }

        @Override
        public long currentProcessingTime() {
            return processingTime;
        }

        @Override
        public void registerProcessingTimeTimer(long timeMillis) {
            timers.add(new long[] {timeMillis, index, timerSequence++});
        }

        @Override
        public boolean checkpointingEnabled() {
            return true;
        }

        @Override
        public double speed() {
            return 1.0;
        }
    }
}
