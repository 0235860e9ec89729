package org.checkpointlab.model.checkpoint;

import java.util.List;
import java.util.Map;

import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * Everything one subtask (a chain of operators) persisted for one checkpoint: each operator's state and, for
 * unaligned checkpoints, the in-flight records. In-flight records are keyed by the receiving end of their channel
 * ({@link #channelKey}), so the receiver finds both its own input in-flight data and its senders' output in-flight
 * data on restore.
 */
public record TaskStateSnapshot(List<OperatorSubtaskState> operators, Map<String, List<StreamRecord>> inputInFlight,
                                Map<String, List<StreamRecord>> outputInFlight) {

    public TaskStateSnapshot {
        operators = List.copyOf(operators);
        inputInFlight = Map.copyOf(inputInFlight);
        outputInFlight = Map.copyOf(outputInFlight);
    }

    /** Identifies a channel by its receiving end: receiver chain head, subtask and input channel index. */
    public static String channelKey(String receiverOperator, int receiverSubtask, int channelIndex) {
        return receiverOperator + "#" + receiverSubtask + "#" + channelIndex;
    }

    public long stateSize() {
        return operators.stream().mapToLong(OperatorSubtaskState::size).sum();
    }
}
