package org.checkpointlab.model.runtime;

/** A {@link TaskClock} that moves only when a test advances it; monotonic and wall time move together. */
final class ManualTaskClock implements TaskClock {
    private long nanos;
    private long millis;

    ManualTaskClock(long startMillis) {
        this.millis = startMillis;
        this.nanos = startMillis * 1_000_000L;
    }

    void advanceNanos(long delta) {
        nanos += delta;
        millis = nanos / 1_000_000L;
    }

    void advanceMillis(long delta) {
        advanceNanos(delta * 1_000_000L);
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long currentTimeMillis() {
        return millis;
    }
}
