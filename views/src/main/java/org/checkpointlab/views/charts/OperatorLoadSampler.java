package org.checkpointlab.views.charts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;

/**
 * Turns consecutive job snapshots into per-operator {@link OperatorLoad}s: the maximum busy / backpressured / idle
 * time over each operator's subtasks, and records per second from the growth of its record counters over the last
 * {@linkplain #RATE_WINDOW_NANOS second} or more, between the samples where they changed (a back-pressured source
 * emits a buffer's worth of records whenever credit arrives, and Flink refreshes its metrics every few seconds:
 * between two changes the rate must not read 0). Counters
 * start again at zero after a restart (a new attempt) or in a new job; then the rate is unknown for one sample
 * instead of negative. Not thread-safe; one instance per chart feed.
 */
public final class OperatorLoadSampler {
    /** The rate is taken over at least this long, when the samples reach back so far: 1 s. */
    static final long RATE_WINDOW_NANOS = 1_000_000_000L;
    /** Per operator, {taken at nanos, records} of the recent samples where its count changed, oldest first. */
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

    /**
     * Records per second of {@code operator} between the times its record count changed, over the last second or
     * more; NaN without an older sample. Counted between changes, not between samples, because an engine may report
     * its counters in steps: Flink's REST API refreshes its metrics every few seconds, so between two refreshes the
     * growth over the last second is 0 and at a refresh it is a few seconds' worth. A count that has not changed for
     * longer than its changes are apart (one and a half times, at least a second) is a rate of 0: paused, stalled.
     */
    private double rate(String operator, long nanos, long records) {
        ArrayDeque<long[]> changes = history.computeIfAbsent(operator, k -> new ArrayDeque<>());
        if (!changes.isEmpty() && changes.peekLast()[1] > records) {
            changes.clear(); // its counters started again (a region restarted): count from here
        }
        if (changes.isEmpty() || changes.peekLast()[1] != records) {
            changes.addLast(new long[] {nanos, records});
            while (changes.size() > 2) { // drop the oldest while the next one is a window old too
                long[] oldest = changes.pollFirst();
                if (changes.peekFirst()[0] > nanos - RATE_WINDOW_NANOS) {
                    changes.addFirst(oldest);
                    break;
                }
            }
        }
        long[] last = changes.peekLast();
        long unchangedFor = nanos - last[0];
        if (changes.size() < 2) {
            return unchangedFor > 0 ? 0 : Double.NaN;
        }
        Iterator<long[]> newestFirst = changes.descendingIterator();
        newestFirst.next();
        long apart = last[0] - newestFirst.next()[0];
        if (unchangedFor > Math.max(RATE_WINDOW_NANOS, apart * 3 / 2)) {
            return 0;
        }
        long[] from = changes.peekFirst();
        return (last[1] - from[1]) / ((last[0] - from[0]) / 1e9);
    }

    /** Forgets the counters, e.g. when the panel switches to another job. */
    public void reset() {
        history.clear();
        lastAttempt = -1;
        lastNanos = 0;
    }
}
