package org.checkpointlab.views.charts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;

/**
 * Turns consecutive job snapshots into per-operator {@link OperatorLoad}s: the maximum busy / backpressured / idle
 * time over each operator's subtasks, and records per second from the growth of its record counters over the last
 * {@linkplain #RATE_WINDOW_NANOS second} or more (a back-pressured source emits a buffer's worth of records whenever
 * credit arrives; between two frames 80 ms apart it often emits none, and the rate must not read 0 then). Counters
 * start again at zero after a restart (a new attempt) or in a new job; then the rate is unknown for one sample
 * instead of negative. Not thread-safe; one instance per chart feed.
 */
public final class OperatorLoadSampler {
    /** The rate is taken over at least this long, when the samples reach back so far: 1 s. */
    static final long RATE_WINDOW_NANOS = 1_000_000_000L;
    /** Per operator, {taken at nanos, records} of its recent samples, oldest first, the first at least a window old. */
    private final Map<String, ArrayDeque<long[]>> history = new HashMap<>();
    private long lastNanos;
    private int lastAttempt = -1;

    /** The load of every operator in {@code snapshot}, in the order their subtasks are listed. */
    public List<OperatorLoad> sample(JobSnapshot snapshot) {
        Map<String, List<SubtaskSnapshot>> byOperator = new LinkedHashMap<>();
        for (SubtaskSnapshot s : snapshot.subtasks()) {
            byOperator.computeIfAbsent(s.operatorIds().get(0), k -> new ArrayList<>()).add(s);
        }
        boolean sameAttempt = snapshot.attempt() == lastAttempt && snapshot.takenAtNanos() > lastNanos;
        if (!sameAttempt) {
            history.clear();
        }
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
            double rate = rate(e.getKey(), snapshot.takenAtNanos(), records); // NaN right after a restart
            loads.add(new OperatorLoad(e.getKey(), e.getValue().get(0).taskName(), busy, back, idle, rate));
        }
        lastNanos = snapshot.takenAtNanos();
        lastAttempt = snapshot.attempt();
        return loads;
    }

    /** Records per second of {@code operator} from its oldest kept sample to this one, NaN without an older one. */
    private double rate(String operator, long nanos, long records) {
        ArrayDeque<long[]> samples = history.computeIfAbsent(operator, k -> new ArrayDeque<>());
        if (!samples.isEmpty() && samples.peekLast()[1] > records) {
            samples.clear(); // its counters started again (a region restarted): count from here
        }
        samples.addLast(new long[] {nanos, records});
        while (samples.size() > 2) { // drop the oldest while the next one is a window old too
            long[] oldest = samples.pollFirst();
            if (samples.peekFirst()[0] > nanos - RATE_WINDOW_NANOS) {
                samples.addFirst(oldest);
                break;
            }
        }
        long[] from = samples.peekFirst();
        return from[0] < nanos ? (records - from[1]) / ((nanos - from[0]) / 1e9) : Double.NaN;
    }

    /** Forgets the counters, e.g. when the panel switches to another job. */
    public void reset() {
        history.clear();
        lastAttempt = -1;
        lastNanos = 0;
    }
}
