package org.checkpointlab.model.job;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.checkpointlab.model.checkpoint.TimerService;
import org.checkpointlab.model.observe.JobStatus;

/**
 * Failures on purpose: one into a given subtask at a given time after the start, or chaos (failures into random
 * subtasks at random moments, reproducible from a seed). Every action runs on the job's control thread, through its
 * {@link TimerService}.
 */
final class ChaosInjector {
    /** Chaos waits this long at least, and at most this plus {@link #SPREAD_MILLIS}, after the job runs again. */
    static final int MIN_DELAY_MILLIS = 200;
    static final int SPREAD_MILLIS = 1_800;
    /** How often chaos looks again while the job is restarting. */
    static final int RETRY_MILLIS = 20;
    /** The pause after an injection before the next failure's delay starts. */
    static final int AFTER_INJECTION_MILLIS = 50;

    /** A subtask that can be failed. */
    record Subtask(String operatorId, int index) {
    }

    /** What chaos needs of the job. */
    interface Target {
        JobStatus status();

        /** The subtasks of the current deployment. */
        List<Subtask> subtasks();

        /** Fails subtask {@code index} of {@code operatorId} now; false if there is no such running subtask. */
        boolean injectFailure(String operatorId, int index);
    }

    private final TimerService control;
    private final Target target;

    ChaosInjector(TimerService control, Target target) {
        this.control = control;
        this.target = target;
    }

    /** Fails subtask {@code index} of {@code operatorId} at {@code dueMillis}, if the job is running then. */
    void scheduleFailure(String operatorId, int index, long dueMillis) {
        control.schedule(() -> {
            if (target.status() == JobStatus.RUNNING) {
                target.injectFailure(operatorId, index);
            }
        }, Math.max(0, dueMillis - control.nowMillis()));
    }

    /**
     * {@code failures} failures, each into a random subtask at a random moment 200 ms to 2 s after the job is running
     * again, from {@code seed}. Failures due while the job is not running wait for it; those due after it ended
     * (or after {@code termination} completed) are skipped. Completes with the number injected.
     */
    CompletableFuture<Integer> chaos(int failures, long seed, CompletableFuture<?> termination) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        AtomicInteger injected = new AtomicInteger();
        SplittableRandom random = new SplittableRandom(seed);
        termination.whenComplete((s, e) -> done.complete(injected.get()));
        control.execute(() -> step(failures, injected, random, done));
        return done;
    }

    private void step(int remaining, AtomicInteger injected, SplittableRandom random, CompletableFuture<Integer> done) {
        if (remaining == 0 || target.status().isTerminal()) {
            done.complete(injected.get());
            return;
        }
        if (target.status() != JobStatus.RUNNING) {
            control.schedule(() -> step(remaining, injected, random, done), RETRY_MILLIS);
            return;
        }
        control.schedule(() -> {
            if (target.status() != JobStatus.RUNNING) {
                step(remaining, injected, random, done);
                return;
            }
            List<Subtask> subtasks = target.subtasks();
            Subtask victim = subtasks.get(random.nextInt(subtasks.size()));
            if (target.injectFailure(victim.operatorId(), victim.index())) {
                injected.incrementAndGet();
            }
            control.schedule(() -> step(remaining - 1, injected, random, done), AFTER_INJECTION_MILLIS);
        }, MIN_DELAY_MILLIS + random.nextInt(SPREAD_MILLIS));
    }
}
