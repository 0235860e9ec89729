package org.checkpointlab.model.runtime;

/**
 * The time a subtask reads: a monotonic clock for durations and deadlines, and the wall clock for processing time.
 * Injected into the task's helpers so that tests advance time instead of sleeping.
 */
interface TaskClock {

    /** The real clocks of the JVM. */
    TaskClock SYSTEM = new TaskClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }
    };

    /** Monotonic time, for durations and deadlines ({@link System#nanoTime()}). */
    long nanoTime();

    /** Wall-clock time in ms, Flink's processing time ({@link System#currentTimeMillis()}). */
    long currentTimeMillis();
}
