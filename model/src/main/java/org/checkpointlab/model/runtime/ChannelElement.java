package org.checkpointlab.model.runtime;

/**
 * What travels through a channel: a buffer of records, a checkpoint barrier, the end of data (a bounded input ran
 * out; barriers still follow, for the final checkpoint) or the end of the partition (nothing follows).
 */
public sealed interface ChannelElement permits Buffer, CheckpointBarrier, EndOfData, EndOfPartition {
}
