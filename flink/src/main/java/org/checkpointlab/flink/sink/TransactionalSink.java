package org.checkpointlab.flink.sink;

import java.nio.file.Path;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessageTypeInfo;
import org.apache.flink.streaming.api.connector.sink2.CommittableWithLineage;
import org.apache.flink.streaming.api.connector.sink2.SupportsPreCommitTopology;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.checkpointlab.flink.FlinkRecord;
import org.checkpointlab.flink.RunRegistry;
import org.checkpointlab.flink.operators.OperatorProbe;

/**
 * {@code transactional-sink} as a Flink Sink V2 with a committer (two-phase commit): the writer pre-commits a
 * {@link Transaction} on each barrier, a pre-commit step names it after its checkpoint, and the committer commits it
 * when the checkpoint completes, idempotently. Committed output goes to the run's sink output, in the same part-file
 * layout as the local engine ({@code path}, else the run's output directory, {@code /<sink id>}).
 */
public final class TransactionalSink implements org.apache.flink.api.connector.sink2.Sink<FlinkRecord>,
        SupportsCommitter<Transaction>, SupportsPreCommitTopology<Transaction, Transaction> {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String sinkId;
    private final String path;
    private final int parallelism;
    private final OperatorProbe probe;

    /**
     * @param path        the sink's {@code path} parameter, or null
     * @param parallelism the sink's parallelism (also of its pre-commit step, so that it chains)
     */
    public TransactionalSink(String runId, String sinkId, String path, int parallelism, OperatorProbe probe) {
        this.runId = runId;
        this.sinkId = sinkId;
        this.path = path;
        this.parallelism = parallelism;
        this.probe = probe;
    }

    @Override
    public SinkWriter<FlinkRecord> createWriter(WriterInitContext context) {
        probe.open(context.getTaskInfo());
        return new TransactionWriter(context.getTaskInfo().getIndexOfThisSubtask(), probe);
    }

    @Override
    public Committer<Transaction> createCommitter(CommitterInitContext context) {
        RunRegistry.of(runId).noteRestore(sinkId, context.getTaskInfo().getAttemptNumber(),
                context.getRestoredCheckpointId());
        return new TransactionCommitter(runId, sinkId, path == null ? null : Path.of(path));
    }

    @Override
    public SimpleVersionedSerializer<Transaction> getCommittableSerializer() {
        return new TransactionSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Transaction> getWriteResultSerializer() {
        return new TransactionSerializer();
    }

    @Override
    public DataStream<CommittableMessage<Transaction>> addPreCommitTopology(
            DataStream<CommittableMessage<Transaction>> committables) {
        return committables.map(new NameAfterCheckpoint())
                .returns(CommittableMessageTypeInfo.of(TransactionSerializer::new))
                .uid(sinkId + "-name-transactions")
                .name(sinkId + ": name transactions")
                .setParallelism(parallelism);
    }

    /** Gives each pre-committed transaction the id of the checkpoint (or end of input) it belongs to. */
    static final class NameAfterCheckpoint
            implements MapFunction<CommittableMessage<Transaction>, CommittableMessage<Transaction>> {
        private static final long serialVersionUID = 1L;

        @Override
        public CommittableMessage<Transaction> map(CommittableMessage<Transaction> message) {
            if (message instanceof CommittableWithLineage<Transaction> lineage) {
                long checkpoint = lineage.getCheckpointIdOrEOI();
                return lineage.map(t -> t.named(checkpoint));
            }
            return message;
        }
    }
}
