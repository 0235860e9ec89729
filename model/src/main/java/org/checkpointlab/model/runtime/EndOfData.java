package org.checkpointlab.model.runtime;

/**
 * The sender's input ran out: no record follows on this channel, but barriers still do, so that a final
 * checkpoint can commit everything (Flink's {@code EndOfData}, FLIP-147).
 */
public enum EndOfData implements ChannelElement {
    INSTANCE
}
