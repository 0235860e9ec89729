package org.checkpointlab.model.job;

/**
 * What a sink made visible: for a transactional sink the committed records, for a collect sink everything it
 * received. {@code digest} is order-independent: equal multisets of records give equal digests.
 */
public record SinkSummary(String id, String kind, long committedRecords, String digest) {
}
