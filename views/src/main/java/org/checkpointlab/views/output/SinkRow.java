package org.checkpointlab.views.output;

/**
 * One line of the Output view's sink table.
 *
 * @param sinkId           the sink operator
 * @param kind             its kind
 * @param committed        records committed (visible) so far
 * @param digest           order-independent digest of the committed records
 * @param openTransactions pre-committed transactions waiting for their checkpoint to complete
 * @param pendingRecords   records in those transactions
 * @param verdict          the delivery verdict, or what it waits for
 * @param verdictKind      how to show the verdict
 */
public record SinkRow(String sinkId, String kind, long committed, String digest, int openTransactions,
                      long pendingRecords, String verdict, VerdictKind verdictKind) {
}
