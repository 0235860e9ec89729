package org.checkpointlab.model.runtime;

import java.util.List;
import java.util.Map;

import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * What a subtask restores from: per operator id, the keyed-state blobs of the old subtasks whose key groups overlap
 * its range and the operator-state blobs of every old subtask (in old subtask order), plus in-flight records to
 * replay per input channel index (its own persisted input first, then its senders' persisted output).
 */
record TaskRestore(long checkpointId, Map<String, List<byte[]>> keyedState, Map<String, List<byte[]>> operatorState,
                   Map<Integer, List<StreamRecord>> replay) {
}
