package org.checkpointlab.model.runtime;

import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.OperatorStateBackend;
import org.checkpointlab.model.state.StateBackendFactory;

/**
 * The operators of one subtask, chained (Flink's {@code OperatorChain}): each hands its records straight to the
 * next in the same thread; the last writes to the network. Owns the operators' state backends and their contexts.
 *
 * <p>Threading: built and used on the task thread; {@link #recordCounts()} and {@link #stateSizeBytes()} may be read
 * by observers at any time.
 */
final class OperatorChain {
    private final Task task;
    private final List<ChainedOperator> specs;
    private final StreamOperator[] operators;
    private final KeyedStateBackend[] keyedBackends;
    private final OperatorStateBackend[] operatorBackends;
    /** Filled in the constructor (final: observers that see the chain see them); counted by the task thread. */
    private final OperatorCounters[] counters;
    private volatile long stateSizeBytes;

    OperatorChain(Task task) {
        this.task = task;
        this.specs = task.chain();
        int n = specs.size();
        operators = new StreamOperator[n];
        keyedBackends = new KeyedStateBackend[n];
        operatorBackends = new OperatorStateBackend[n];
        counters = new OperatorCounters[n];
        for (int i = 0; i < n; i++) {
            counters[i] = new OperatorCounters(specs.get(i).id());
        }
    }

    /** Creates every operator's state backends and loads them from {@code restore} (null: a fresh start). */
    void initializeState(StateBackendFactory backends, TaskRestore restore) throws Exception {
        int subtask = task.subtaskIndex();
        int parallelism = task.parallelism();
        for (int i = 0; i < specs.size(); i++) {
            ChainedOperator op = specs.get(i);
            OperatorStateBackends created = OperatorStateBackends.create(op, subtask, parallelism, backends,
                    restore == null ? null : restore.keyedState().get(op.id()),
                    restore == null ? null : restore.operatorState().get(op.id()));
            keyedBackends[i] = created.keyed();
            operatorBackends[i] = created.operator();
        }
    }

    /**
     * Creates and opens the operators, last first, so each knows its output; the last writes to {@code writers}.
     *
     * @param timerRegistered told the nano time by which the task must look at a timer just registered
     */
    void open(List<RecordWriter> writers, RuntimeContext runtime, SinkStore sinkStore,
              ProcessingTimeService timeService, LongConsumer timerRegistered) throws Exception {
        OperatorCounters[] c = counters;
        Output out = networkOutput(writers);
        for (int i = operators.length - 1; i >= 0; i--) {
            operators[i] = runtime.operatorFactory().create(specs.get(i));
            operators[i].open(new Context(i, out, runtime, sinkStore, timeService, timerRegistered));
            out = i > 0 ? new ChainedOutput(operators[i], c[i - 1], c[i], task) : null;
        }
    }

    private Output networkOutput(List<RecordWriter> writers) {
        OperatorCounters tail = counters[counters.length - 1];
        if (writers.isEmpty()) {
            return record -> tail.recordsOut++;
        }
        if (writers.size() == 1) {
            writers.get(0).countInto(tail);
            return writers.get(0);
        }
        return new FanOutOutput(writers.toArray(new Output[0]), tail);
    }

    StreamOperator head() {
        return operators[0];
    }

    OperatorCounters headCounters() {
        return counters[0];
    }

    int length() {
        return operators.length;
    }

    /** The chain's source, or null when its head is not one. */
    SourceOperator source() {
        return operators[0] instanceof SourceOperator s ? s : null;
    }

    void fireTimer(int operatorIndex, long timeMillis) throws Exception {
        operators[operatorIndex].onProcessingTime(timeMillis);
    }

    void endInput() throws Exception {
        for (StreamOperator op : operators) {
            op.endInput();
        }
    }

    void prepareSnapshot(long checkpointId) throws Exception {
        for (StreamOperator op : operators) {
            op.prepareSnapshot(checkpointId);
        }
    }

    /** Copy-on-write snapshots of operator {@code i}'s keyed state (null: not keyed) and operator state. */
    KeyedStateBackend.KeyedSnapshot snapshotKeyedState(int i, long checkpointId, boolean savepoint) throws Exception {
        return keyedBackends[i] == null ? null : keyedBackends[i].snapshot(checkpointId, savepoint);
    }

    OperatorStateBackend.OperatorSnapshot snapshotOperatorState(int i, long checkpointId) throws Exception {
        return operatorBackends[i].snapshot(checkpointId);
    }

    void notifyCheckpointComplete(long checkpointId) throws Exception {
        for (StreamOperator op : operators) {
            op.notifyCheckpointComplete(checkpointId);
        }
    }

    void close() throws Exception {
        for (StreamOperator op : operators) {
            op.close();
        }
    }

    /** Releases the keyed backends (native resources of RocksDB); after the last use, on the task thread. */
    void releaseBackends() {
        for (KeyedStateBackend b : keyedBackends) {
            if (b != null) {
                b.close();
            }
        }
    }

    void updateStateSize() {
        long size = 0;
        for (int i = 0; i < specs.size(); i++) {
            if (keyedBackends[i] != null) {
                size += keyedBackends[i].approximateSizeBytes();
            }
            if (operatorBackends[i] != null) {
                size += operatorBackends[i].approximateSizeBytes();
            }
        }
        stateSizeBytes = size;
    }

    long stateSizeBytes() {
        return stateSizeBytes;
    }

    /** Per operator of the chain: records in and out so far (racy reads). */
    long[][] recordCounts() {
        OperatorCounters[] c = counters;
        long[][] result = new long[specs.size()][2];
        for (int i = 0; i < c.length; i++) {
            result[i][0] = c[i].recordsIn;
            result[i][1] = c[i].recordsOut;
        }
        return result;
    }

    /** What operator {@code index} of the chain sees of the engine. */
    private final class Context extends ChainedOperatorContext {
        private final int index;
        private final RuntimeContext runtime;
        private final ExecutionThrottle throttle;
        private final ProcessingTimeService timeService;
        private final LongConsumer timerRegistered;

        Context(int index, Output output, RuntimeContext runtime, SinkStore sinkStore,
                ProcessingTimeService timeService, LongConsumer timerRegistered) {
            super(output, keyedBackends[index], operatorBackends[index], sinkStore);
            this.index = index;
            this.runtime = runtime;
            this.throttle = runtime.throttle();
            this.timeService = timeService;
            this.timerRegistered = timerRegistered;
        }

        @Override
        public String operatorId() {
            return specs.get(index).id();
        }

        @Override
        public int subtaskIndex() {
            return task.subtaskIndex();
        }

        @Override
        public int parallelism() {
            return task.parallelism();
        }

        @Override
        public int maxParallelism() {
            return specs.get(index).maxParallelism();
        }

        @Override
        public Map<String, Object> params() {
            return specs.get(index).params();
        }

        @Override
        public long currentProcessingTime() {
            return timeService.currentProcessingTime();
        }

        @Override
        public void registerProcessingTimeTimer(long timeMillis) {
            timerRegistered.accept(timeService.registerTimer(timeMillis, index));
        }

        @Override
        public boolean checkpointingEnabled() {
            return runtime.checkpointingEnabled();
        }

        @Override
        public double speed() {
            return throttle.speed();
        }
    }
}
