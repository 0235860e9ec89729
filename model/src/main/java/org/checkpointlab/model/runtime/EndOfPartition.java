package org.checkpointlab.model.runtime;

/** The sender subtask has finished: no element follows on this channel. */
public enum EndOfPartition implements ChannelElement {
    INSTANCE
}
