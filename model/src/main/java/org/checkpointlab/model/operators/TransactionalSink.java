package org.checkpointlab.model.operators;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.state.ListState;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * {@code transactional-sink}: a two-phase-commit sink, as Flink's {@code TwoPhaseCommitSinkFunction} with a
 * transactional external system (e.g. Kafka).
 * <ol>
 *   <li>Records since the last barrier go into the open transaction.</li>
 *   <li>At barrier n (sync phase) the transaction is pre-committed: handed to the external system, invisible, and
 *       its id is put into operator state with n.</li>
 *   <li>On {@code notifyCheckpointComplete(n)} every pre-committed transaction of a checkpoint up to n is
 *       committed and becomes visible.</li>
 *   <li>On restore, the transactions in the restored state belong to a completed checkpoint and are committed
 *       (idempotently); those of later checkpoints were aborted by the job before the restart.</li>
 * </ol>
 * With checkpointing off, the open transaction is committed when the input ends. With param {@code path}, committed
 * transactions are written as part files into that directory.
 */
final class TransactionalSink implements StreamOperator {
    private OperatorContext context;
    private SinkOutput output;
    private List<StreamRecord> open = new ArrayList<>();
    /** Pre-committed transactions: [transaction id, checkpoint id] pairs. */
    private ListState<List<Object>> pendingState;

    @Override
    public void open(OperatorContext context) {
        this.context = context;
        String path = Params.getString(context.params(), "path", null);
        output = context.sinkStore().output(context.operatorId(), path == null ? null : Path.of(path));
        pendingState = context.operatorState().listState("pending-transactions");
        for (List<Object> txn : pendingState.get()) {
            output.commitPrepared((String) txn.get(0));
        }
        pendingState.clear();
    }

    @Override
    public void processRecord(StreamRecord record, int input) {
        open.add(record);
    }

    @Override
    public void prepareSnapshot(long checkpointId) {
        String txnId = "s" + context.subtaskIndex() + "-c" + checkpointId;
        output.prepare(txnId, context.subtaskIndex(), checkpointId, open);
        open = new ArrayList<>();
        pendingState.add(List.of(txnId, checkpointId));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        List<List<Object>> still = new ArrayList<>();
        for (List<Object> txn : pendingState.get()) {
            if (((Number) txn.get(1)).longValue() <= checkpointId) {
                output.commitPrepared((String) txn.get(0));
            } else {
                still.add(txn);
            }
        }
        pendingState.update(still);
    }

    @Override
    public void endInput() {
        if (!context.checkpointingEnabled() && !open.isEmpty()) {
            String txnId = "s" + context.subtaskIndex() + "-end";
            output.commit(txnId, open);
            open = new ArrayList<>();
        }
    }
}
