package org.checkpointlab.views.charts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;

/**
 * Turns consecutive job snapshots into per-operator {@link OperatorLoad}s: the maximum busy / backpressured / idle
 * time over each operator's subtasks, and records per second from the growth of its record counters. Counters
 * start again at zero after a restart (a new attempt) or in a new job; then the rate is unknown for one sample
 * instead of negative. Not thread-safe; one instance per chart feed.
 */
public final class OperatorLoadSampler {
    private final Map<String, Long> lastRecords = new HashMap<>();
    private long lastNanos;
    private int lastAttempt = -1;

    /** The load of every operator in {@code snapshot}, in the order their subtasks are listed. */
    public List<OperatorLoad> sample(JobSnapshot snapshot) {
        Map<String, List<SubtaskSnapshot>> byOperator = new LinkedHashMap<>();
        for (SubtaskSnapshot s : snapshot.subtasks()) {
            byOperator.computeIfAbsent(s.operatorIds().get(0), k -> new ArrayList<>()).add(s);
        }
        boolean sameAttempt = snapshot.attempt() == lastAttempt && snapshot.takenAtNanos() > lastNanos;
        double seconds = (snapshot.takenAtNanos() - lastNanos) / 1e9;
        List<OperatorLoad> loads = new ArrayList<>();
        for (Map.Entry<String, List<SubtaskSnapshot>> e : byOperator.entrySet()) {
            double busy = 0;
            double back = 0;
            double idle = 0;
            long in = 0;
            long out = 0;
            for (SubtaskSnapshot s : e.getValue()) {
                busy = Math.max(busy, s.busyMsPerSecond());
                back = Math.max(back, s.backPressuredMsPerSecond());
                idle = Math.max(idle, s.idleMsPerSecond());
                in += s.recordsIn();
                out += s.headRecordsOut();
            }
            long records = in > 0 ? in : out; // a source's: what it emitted
            Long previous = lastRecords.put(e.getKey(), records);
            double rate = sameAttempt && previous != null && records >= previous && seconds > 0
                    ? (records - previous) / seconds : Double.NaN;
            loads.add(new OperatorLoad(e.getKey(), e.getValue().get(0).taskName(), busy, back, idle, rate));
        }
        lastNanos = snapshot.takenAtNanos();
        lastAttempt = snapshot.attempt();
        return loads;
    }

    /** Forgets the counters, e.g. when the panel switches to another job. */
    public void reset() {
        lastRecords.clear();
        lastAttempt = -1;
        lastNanos = 0;
    }
}
