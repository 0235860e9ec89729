package org.checkpointlab.model.runtime;

/** Where an operator emits records: the next operator of its chain, or the network. Never blocks. */
public interface Output {
    void collect(StreamRecord record);
}
