package org.checkpointlab.model.state;

import java.io.IOException;
import java.util.List;

/**
 * Non-keyed state of one subtask: named list states (redistributed evenly on rescaling, like Flink's operator list
 * state) and union list states (every subtask gets the whole list on restore). Task thread only, except
 * {@link OperatorSnapshot#write()}.
 */
public interface OperatorStateBackend {

    /** List state whose elements are split evenly over the subtasks on restore with another parallelism. */
    <T> ListState<T> listState(String name);

    /** List state whose complete union, over all old subtasks, is given to every subtask on restore. */
    <T> ListState<T> unionListState(String name);

    /** Sync phase: copies the lists (they are small) and returns the async writer. */
    OperatorSnapshot snapshot(long checkpointId);

    /**
     * Restores from the operator state of every old subtask, in old subtask order. With the same parallelism,
     * subtask i gets old subtask i's split lists; with another, split lists' elements are dealt evenly (contiguous
     * chunks, in old subtask order) over the new subtasks, as Flink's round-robin repartitioner deals them. Union
     * lists go whole to every subtask.
     */
    void restore(List<byte[]> oldSubtaskStates, int subtaskIndex, int parallelism) throws IOException;

    long approximateSizeBytes();

    /** The async part of an operator-state snapshot. */
    interface OperatorSnapshot {
        byte[] write() throws IOException;
    }
}
