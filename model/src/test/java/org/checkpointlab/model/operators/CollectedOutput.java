package org.checkpointlab.model.operators;

import java.util.ArrayList;
import java.util.List;

import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * What a test harness's operators emitted, in emission order; taking it forgets it (a failure drops what a sink did
 * not commit).
 */
final class CollectedOutput implements Output {
    private final List<StreamRecord> records = new ArrayList<>();

    @Override
    public void collect(StreamRecord record) {
        records.add(record);
    }

    void addAll(List<StreamRecord> emitted) {
        records.addAll(emitted);
    }

    /** Everything emitted so far. */
    List<StreamRecord> all() {
        return List.copyOf(records);
    }

    /** Everything emitted so far, which is then forgotten. */
    List<StreamRecord> take() {
        List<StreamRecord> taken = List.copyOf(records);
        records.clear();
        return taken;
    }
}
