package org.checkpointlab.flink.sink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer;
import org.checkpointlab.flink.FlinkRecord;
import org.checkpointlab.flink.RunRegistry;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * Commits pre-committed transactions once their checkpoint completed: each becomes visible in the sink's
 * {@link SinkOutput}, which writes the part file {@code part-<sink>-<transaction>.txt} atomically as the local
 * engine does. A transaction committed before (Flink commits again what a restored checkpoint still lists) is
 * signalled as already committed and changes nothing; so is one of the savepoint a run started from, which the run
 * that took it committed.
 */
final class TransactionCommitter implements Committer<Transaction> {
    private final SinkOutput output;
    private final RunRegistry run;
    private final String sinkId;

    TransactionCommitter(String runId, String sinkId, Path path) {
        this.run = RunRegistry.of(runId);
        this.sinkId = sinkId;
        this.output = run.sinks().output(sinkId, path);
    }

    @Override
    public void commit(Collection<CommitRequest<Transaction>> requests) {
        for (CommitRequest<Transaction> request : requests) {
            Transaction t = request.getCommittable();
            if (run.committedBeforeSavepoint(sinkId, t.checkpointId())) {
                request.signalAlreadyCommitted();
            } else if (!output.commit(t.id(), toStreamRecords(t.records()))) {
                request.signalAlreadyCommitted();
            }
        }
    }

    static List<StreamRecord> toStreamRecords(List<FlinkRecord> records) {
        List<StreamRecord> result = new ArrayList<>(records.size());
        for (FlinkRecord r : records) {
            result.add(new StreamRecord(r.key, r.value, r.seq));
        }
        return result;
    }

    @Override
    public void close() {
    }
}
