package org.checkpointlab.app.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.RestartEvent;

/**
 * Reports a running job's failures and restarts as they happen, one line each, with times relative to the job's
 * start ({@code +1.25 s}). It polls the job's exception history and restart events every
 * {@value #PERIOD_MILLIS} ms and reports the new entries; {@link #stop} reports what is left.
 *
 * <p>Threading: one daemon thread of its own polls; {@link #stop} is called by the command's thread after the job
 * ended.
 */
final class JobEventLog {
    private static final long PERIOD_MILLIS = 100;

    private final Job job;
    private final long startMillis;
    private final Consumer<String> out;
    private ScheduledExecutorService timer;
    private int failuresReported;
    private int restartsReported;

    JobEventLog(Job job, long startMillis, Consumer<String> out) {
        this.job = job;
        this.startMillis = startMillis;
        this.out = out;
    }

    void start() {
        timer = DaemonTimer.start("cli-job-events");
        timer.scheduleWithFixedDelay(this::poll, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        poll();
    }

    private synchronized void poll() {
        List<FailureEvent> failures = job.failures();
        for (FailureEvent f : failures.subList(failuresReported, failures.size())) {
            out.accept(failureLine(f, startMillis));
        }
        failuresReported = failures.size();
        List<RestartEvent> restarts = job.restartEvents();
        for (int i = restartsReported; i < restarts.size(); i++) {
            out.accept(restartLine(i + 1, restarts.get(i), startMillis));
        }
        restartsReported = restarts.size();
    }

    /** e.g. {@code failure at +1.25 s: count #1: failure injected into count #1 at record 5000}. */
    static String failureLine(FailureEvent f, long startMillis) {
        String where = f.operatorId() == null ? "job" : f.operatorId() + " #" + f.subtaskIndex();
        return "failure at " + relative(f.timestamp(), startMillis) + ": " + where + ": " + f.message();
    }

    /** e.g. {@code restart 1 at +1.31 s: restored checkpoint 3 (restart delay 0 ms)}. */
    static String restartLine(int number, RestartEvent r, long startMillis) {
        String from = r.restoredCheckpointId() == 0 ? "no checkpoint to restore: the sources start over"
                : "restored checkpoint " + r.restoredCheckpointId();
        return "restart " + number + " at " + relative(r.restoreTimestamp(), startMillis) + ": " + from
                + " (restart delay " + r.delayMillis() + " ms)";
    }

    /** A time relative to the job's start: {@code +1.25 s}. */
    static String relative(long epochMillis, long startMillis) {
        return String.format(Locale.ROOT, "+%.2f s", Math.max(0, epochMillis - startMillis) / 1000.0);
    }
}
