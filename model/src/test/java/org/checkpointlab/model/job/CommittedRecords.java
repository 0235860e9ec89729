package org.checkpointlab.model.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.checkpointlab.model.streamrecord.StreamRecord;

/** What the sink {@code sink} of a test pipeline committed, as comparable text: one "key,value" per record, sorted. */
public final class CommittedRecords {
    private CommittedRecords() {
    }

    public static List<String> sorted(Job job) {
        List<String> out = new ArrayList<>();
        for (StreamRecord r : job.sinkOutputs().get("sink").records()) {
            out.add(r.key() + "," + r.value());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }
}
