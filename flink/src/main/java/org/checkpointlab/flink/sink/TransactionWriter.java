package org.checkpointlab.flink.sink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.checkpointlab.flink.FlinkRecord;
import org.checkpointlab.flink.operators.OperatorProbe;

/**
 * Collects a subtask's records into the open transaction and pre-commits it on each barrier
 * ({@link #prepareCommit}, before the checkpoint's snapshot) and at the end of input. Runs in the task thread.
 */
final class TransactionWriter implements CommittingSinkWriter<FlinkRecord, Transaction> {
    private final int subtask;
    private final OperatorProbe probe;
    private List<FlinkRecord> open = new ArrayList<>();

    TransactionWriter(int subtask, OperatorProbe probe) {
        this.subtask = subtask;
        this.probe = probe;
    }

    @Override
    public void write(FlinkRecord record, Context context) {
        probe.recordIn();
        open.add(record);
    }

    @Override
    public void flush(boolean endOfInput) {
    }

    @Override
    public Collection<Transaction> prepareCommit() {
        // An empty transaction is still committed (it writes no part file), so that every checkpoint of every
        // subtask shows up as a commit, as on the local engine.
        Transaction t = new Transaction(subtask, Transaction.UNNAMED, open);
        open = new ArrayList<>();
        return List.of(t);
    }

    @Override
    public void close() {
    }
}
