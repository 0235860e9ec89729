package org.checkpointlab.model.runtime;

import org.checkpointlab.model.streamrecord.StreamRecord;

/** Where an operator emits records: the next operator of its chain, or the network. Never blocks. */
public interface Output {
    void collect(StreamRecord record);
}
