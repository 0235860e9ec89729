package org.checkpointlab.model.runtime;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.checkpointlab.model.observe.StepEvent;

/**
 * How fast a job's subtasks may go, for watching the engine at human speed: pause, slow motion and single step to
 * the next barrier event. One per job; the job (any thread) changes it, every task reads it.
 *
 * <p>Off the hot path: at full speed and not paused, a task reads one volatile flag ({@link #engaged()}) per loop
 * turn and per input buffer and nothing else of this class.
 */
public final class ExecutionThrottle {
    /** In slow motion each record takes this long, divided by the speed, on every subtask. */
    static final long SLOW_MOTION_RECORD_NANOS = 2_000;
    /**
     * Slow motion sleeps once this much delay has added up, not after every record: a sleep of tens of microseconds
     * per record on every subtask kept the cores busy in the kernel, for a job that hardly runs.
     */
    static final long SLOW_MOTION_SLEEP_NANOS = 1_000_000;

    private volatile double speed = 1.0;
    private volatile boolean paused;
    /** paused or speed below 1: the only field tasks read while running normally. */
    private volatile boolean engaged;
    /**
     * True from {@link #step()} until the barrier event that ends the step. Written under this object's lock, and
     * cleared last when a step ends, after its event and the pause: whoever reads it false sees both.
     */
    private volatile boolean stepping;
    private volatile StepEvent lastStep;

    /** Whether the job is paused or in slow motion; false means tasks run at full speed. */
    boolean engaged() {
        return engaged;
    }

    /** While true, tasks process no records (they still answer mail: checkpoints, failures, cancellation). */
    public boolean paused() {
        return paused;
    }

    /** 1.0 at full speed; lower values slow sources and per-record work down consistently. */
    public double speed() {
        return speed;
    }

    /** Slows sources and per-record work down (0 < speed ≤ 1). */
    public synchronized void setSpeed(double speed) {
        if (!(speed > 0 && speed <= 1)) {
            throw new IllegalArgumentException("speed must be in (0, 1], was " + speed);
        }
        this.speed = speed;
        updateEngaged();
    }

    /** Pauses processing or resumes it; either ends a step. */
    public synchronized void setPaused(boolean paused) {
        stepping = false;
        this.paused = paused;
        updateEngaged();
    }

    /**
     * Resumes a paused job until the next {@linkplain #barrierEvent barrier event}, which pauses it again.
     *
     * @return false (and nothing changes) when the job is not paused
     */
    public synchronized boolean step() {
        if (!paused) {
            return false;
        }
        stepping = true;
        paused = false;
        updateEngaged();
        return true;
    }

    /** True from {@link #step()} until the barrier event that ends the step. */
    public boolean stepping() {
        return stepping;
    }

    /** The barrier event the last step stopped at, or null. */
    public StepEvent lastStep() {
        return lastStep;
    }

    /** {@link #lastStep()} in English, e.g. "barrier 7 reached count #1 from split #0"; or null. */
    public String lastStepEvent() {
        StepEvent event = lastStep;
        return event == null ? null : event.english();
    }

    /**
     * A barrier event happened: a source sent a barrier, or a barrier reached a subtask's input. While stepping, the
     * first one pauses the job again; the others of the same moment change nothing. The description is built only
     * while stepping, so running normally costs nothing (one volatile read).
     *
     * <p>Order matters to observers, which read {@link #stepping()} and then {@link #lastStep()}: the event and
     * the pause are published before the step flag is cleared. Clearing it first left a window, as long as building
     * the description (longer the first time, when the JVM links its string concatenation, or when the thread is
     * descheduled there), in which the UI saw a step that had ended without an event, and the job neither stepping
     * nor paused.
     */
    void barrierEvent(Supplier<StepEvent> what) {
        if (!stepping) {
            return;
        }
        synchronized (this) {
            if (stepping) {
                lastStep = what.get();
                paused = true;
                updateEngaged();
                stepping = false;
            }
        }
    }

    /** Under this object's lock, so that concurrent changes of pause and speed leave it consistent. */
    private void updateEngaged() {
        engaged = paused || speed < 1.0;
    }

    /** A subtask's slow-motion pacing: adds each record's delay and sleeps once a millisecond has added up. */
    Pacer pacer(TaskClock clock, LongConsumer parkNanos) {
        return new Pacer(clock, parkNanos);
    }

    /** A pacer on the real clock that parks the task thread. */
    Pacer pacer() {
        return pacer(TaskClock.SYSTEM, LockSupport::parkNanos);
    }

    /** Slow-motion pacing of one subtask; task thread only. */
    static final class Pacer {
        private final TaskClock clock;
        private final LongConsumer parkNanos;
        /** Delay owed by the records processed so far (negative: slept too long, the next ones are free). */
        private long owedNanos;

        private Pacer(TaskClock clock, LongConsumer parkNanos) {
            this.clock = clock;
            this.parkNanos = parkNanos;
        }

        /** One record was processed at {@code speed}: adds its delay; sleeps when a millisecond has added up. */
        void recordProcessed(double speed) {
            owedNanos += (long) (SLOW_MOTION_RECORD_NANOS / speed);
            if (owedNanos >= SLOW_MOTION_SLEEP_NANOS) {
                long start = clock.nanoTime();
                parkNanos.accept(owedNanos);
                // Oversleeping is paid back by the next records, up to one sleep (not after a pause of minutes).
                owedNanos = Math.max(-SLOW_MOTION_SLEEP_NANOS, owedNanos - (clock.nanoTime() - start));
            }
        }

        long owedNanos() {
            return owedNanos;
        }
    }
}
