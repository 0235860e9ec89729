package org.checkpointlab.model.operators;

import java.util.ArrayList;
import java.util.List;

import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.runtime.HeapStateBackendFactory;
import org.checkpointlab.model.state.StateBackendFactory;
import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * Every subtask of one keyed operator (or chain) at a parallelism, each an {@link OperatorTestHarness}, fed as a
 * hash edge feeds them: each record goes to the subtask owning its key's key group. The output of all subtasks is
 * collected in the order it was emitted (subtasks fire timers in index order). Snapshots of every subtask can be
 * restored into a new group at another parallelism: Flink's rescaling by key group.
 */
public final class ParallelOperatorTestHarness implements AutoCloseable {
    private final List<OperatorTestHarness> subtasks;
    private final int maxParallelism;
    private final CollectedOutput output = new CollectedOutput();

    private ParallelOperatorTestHarness(List<OperatorTestHarness> subtasks, int maxParallelism) {
        this.subtasks = subtasks;
        this.maxParallelism = maxParallelism;
    }

    /** Opens {@code parallelism} subtasks of {@code chain}; restored from {@code restoreFrom} unless it is empty. */
    public static ParallelOperatorTestHarness open(List<OperatorSpec> chain, int parallelism, int maxParallelism,
                                                   long processingTime,
                                                   List<OperatorTestHarness.Snapshot> restoreFrom) throws Exception {
        return open(chain, parallelism, maxParallelism, processingTime, restoreFrom, new HeapStateBackendFactory());
    }

    /** As {@link #open(List, int, int, long, List)}, with state in {@code backends}. */
    public static ParallelOperatorTestHarness open(List<OperatorSpec> chain, int parallelism, int maxParallelism,
                                                   long processingTime, List<OperatorTestHarness.Snapshot> restoreFrom,
                                                   StateBackendFactory backends) throws Exception {
        List<OperatorTestHarness> subtasks = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            subtasks.add(OperatorTestHarness.forChain(chain.toArray(OperatorSpec[]::new))
                    .maxParallelism(maxParallelism).subtask(i, parallelism).processingTime(processingTime)
                    .stateBackends(backends).restoreFrom(restoreFrom).open());
        }
        return new ParallelOperatorTestHarness(subtasks, maxParallelism);
    }

    public int parallelism() {
        return subtasks.size();
    }

    /** Routes the record to the subtask that owns its key's key group. */
    public void processElement(Object key, Object value, long seq) throws Exception {
        int subtask = KeyGroups.assignKeyToOperator(key, maxParallelism, subtasks.size());
        subtasks.get(subtask).processElement(key, value, seq);
        collect();
    }

    /** Advances every subtask's clock, in subtask order. */
    public void setProcessingTime(long timeMillis) throws Exception {
        for (OperatorTestHarness h : subtasks) {
            h.setProcessingTime(timeMillis);
            collect();
        }
    }

    public void endInput() throws Exception {
        for (OperatorTestHarness h : subtasks) {
            h.endInput();
            collect();
        }
    }

    /** Snapshots every subtask (a checkpoint of the whole operator). */
    public List<OperatorTestHarness.Snapshot> snapshot(long checkpointId) throws Exception {
        List<OperatorTestHarness.Snapshot> all = new ArrayList<>();
        for (OperatorTestHarness h : subtasks) {
            all.add(h.snapshot(checkpointId));
            collect();
        }
        return all;
    }

    /** Everything emitted so far, in emission order. */
    public List<StreamRecord> output() {
        return output.all();
    }

    /** The output so far, which is then forgotten. */
    public List<StreamRecord> takeOutput() {
        return output.take();
    }

    private void collect() {
        for (OperatorTestHarness h : subtasks) {
            output.addAll(h.takeOutput());
        }
    }

    @Override
    public void close() throws Exception {
        for (OperatorTestHarness h : subtasks) {
            h.close();
        }
    }
}
