package org.checkpointlab.model.checkpoint;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.PriorityQueue;

/** A {@link TimerService} whose time only moves when a test advances it; actions run in the test's thread. */
public final class ManualTimerService implements TimerService {
    private long now;
    private long sequence;
    private final Deque<Runnable> immediate = new ArrayDeque<>();
    private final PriorityQueue<Scheduled> scheduled = new PriorityQueue<>(
            Comparator.comparingLong(Scheduled::at).thenComparingLong(Scheduled::seq));

    private record Scheduled(long at, long seq, Runnable action, boolean[] cancelled) {
    }

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public long nowNanos() {
        return now * 1_000_000;
    }

    @Override
    public void execute(Runnable action) {
        immediate.add(action);
    }

    @Override
    public Cancellable schedule(Runnable action, long delayMillis) {
        boolean[] cancelled = {false};
        scheduled.add(new Scheduled(now + Math.max(0, delayMillis), sequence++, action, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs everything due now. */
    public void runDue() {
        while (true) {
            if (!immediate.isEmpty()) {
                immediate.poll().run();
            } else if (!scheduled.isEmpty() && scheduled.peek().at() <= now) {
                Scheduled s = scheduled.poll();
                if (!s.cancelled()[0]) {
                    s.action().run();
                }
            } else {
                return;
            }
        }
    }

    /** Advances time by {@code millis}, running every action that falls due, in time order. */
    public void advance(long millis) {
        long target = now + millis;
        runDue();
        while (!scheduled.isEmpty() && scheduled.peek().at() <= target) {
            now = Math.max(now, scheduled.peek().at());
            runDue();
        }
        now = target;
        runDue();
    }
}
