package org.checkpointlab.flink.sink;

import java.util.List;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.checkpointlab.flink.FlinkRecord;

/**
 * A transaction of a transactional sink's subtask: the records it took in since the previous barrier. The writer
 * pre-commits it without knowing the checkpoint ({@code checkpointId} {@link #UNNAMED}); the sink's pre-commit
 * step names it after the checkpoint that carries it, as the local engine does: {@code s<subtask>-c<checkpoint>},
 * or {@code s<subtask>-end} for the transaction of the end of input.
 */
public record Transaction(int subtask, long checkpointId, List<FlinkRecord> records) {
    /** The checkpoint id of a transaction not named yet. */
    public static final long UNNAMED = -1;

    public Transaction {
        records = List.copyOf(records);
    }

    Transaction named(long checkpoint) {
        return new Transaction(subtask, checkpoint, records);
    }

    /** The id of the committed part file, {@code part-<sink>-<id>.txt}, as the local engine names it. */
    public String id() {
        if (checkpointId == UNNAMED) {
            throw new IllegalStateException("transaction of subtask " + subtask + " has no checkpoint yet");
        }
        return checkpointId == CommittableMessage.EOI ? "s" + subtask + "-end" : "s" + subtask + "-c" + checkpointId;
    }
}
