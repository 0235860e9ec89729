package org.checkpointlab.model.observe;

import java.util.List;

/**
 * What one sink has made visible to the outside world at a moment, and what it holds back: the engine-neutral view
 * of a sink's external system (a Kafka topic, a directory of part files) that a front end shows to check a delivery
 * guarantee by eye.
 *
 * @param sinkId           the sink operator
 * @param kind             its kind, e.g. {@code transactional-sink} or {@code collect-sink}
 * @param committed        records committed (visible to readers) so far, over every attempt of the job
 * @param digest           order-independent digest of the committed records, 16 hex digits; two outputs with the
 *                         same records in any order have the same digest
 * @param recent           the last committed records, oldest first (at most the number asked for)
 * @param openTransactions pre-committed transactions not yet committed (their checkpoint has not completed), by
 *                         subtask then checkpoint; empty for a sink without transactions
 */
public record SinkOutputSnapshot(String sinkId, String kind, long committed, String digest,
                                 List<CommittedRecord> recent, List<OpenTransaction> openTransactions) {

    public SinkOutputSnapshot {
        recent = List.copyOf(recent);
        openTransactions = List.copyOf(openTransactions);
    }

    /** Records in open transactions: written, invisible until their checkpoint completes (or aborted). */
    public long pendingRecords() {
        return openTransactions.stream().mapToLong(OpenTransaction::records).sum();
    }

    /**
     * One committed record as text.
     *
     * @param key   the record's key as text ({@code null} for an unkeyed record)
     * @param value the record's value as text
     */
    public record CommittedRecord(String key, String value) {
    }

    /**
     * A pre-committed transaction of one sink subtask, as Flink's two-phase-commit sinks hold between the snapshot
     * of checkpoint n and its completion notification.
     *
     * @param subtask       the sink subtask that wrote it
     * @param transactionId the external system's transaction id
     * @param checkpointId  the checkpoint whose barrier closed it; it commits when that checkpoint completes
     * @param records       how many records it holds
     */
    public record OpenTransaction(int subtask, String transactionId, long checkpointId, int records) {
    }
}
