package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.observe.JobStatus;

/**
 * Writes a progress line about a running job to stderr once a second: elapsed time, source records, records per
 * second over the last second, checkpoints completed and failed, and the last completed checkpoint's end-to-end
 * duration. On a terminal each line overwrites the previous one ({@code \r}); otherwise (a log file, a pipe) it
 * writes one line per second.
 *
 * <p>Other lines (failures, restarts, savepoints as they happen) go through {@link #note}, which ends the
 * overwritten progress line first so the two never mix.
 *
 * <p>Threading: {@link #start} and {@link #stop} are called by the command's thread; progress lines are written by
 * one daemon thread of its own, which only reads the job's thread-safe {@link Job#summary()}; {@link #note} may be
 * called from any thread. Writing is synchronized on this reporter.
 */
final class ProgressReporter {
    /** The launcher sets this system property to whether stderr is a terminal (bash {@code [ -t 2 ]}). */
    static final String STDERR_TTY_PROPERTY = "checkpointlab.stderr.tty";

    private static final long PERIOD_MILLIS = 1000;

    private final Job job;
    private final ProgressLine progress;
    private ScheduledExecutorService timer;
    private long previousRecords;
    private long previousNanos;

    ProgressReporter(Job job, PrintWriter err, boolean terminal) {
        this.job = job;
        this.progress = new ProgressLine(err, terminal);
    }

    /** Whether stderr is a terminal: the launcher's answer if it gave one, else whether there is a console. */
    static boolean stderrIsTerminal() {
        String told = System.getProperty(STDERR_TTY_PROPERTY);
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }

    void start() {
        previousNanos = System.nanoTime();
        timer = DaemonTimer.start("cli-progress");
        timer.scheduleAtFixedRate(this::report, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops reporting; on a terminal, ends the overwritten line so that what follows starts on a new line. */
    void stop() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        progress.end();
    }

    /** Writes one line of its own (e.g. a failure), on a terminal replacing the progress line until the next one. */
    void note(String line) {
        progress.note(line);
    }

    private synchronized void report() {
        long now = System.nanoTime();
        JobSummary s = job.summary();
        double seconds = Math.max(1e-9, (now - previousNanos) / 1e9);
        double rate = (s.sourceRecords() - previousRecords) / seconds;
        previousRecords = s.sourceRecords();
        previousNanos = now;
        progress.show(line(s, rate));
    }

    /** One progress line, e.g. {@code 0:05  12,345,678 records  2,469,135 rec/s  checkpoints 4 ok, 0 failed, last 35 ms}. */
    static String line(JobSummary s, double recordsPerSecond) {
        StringBuilder b = new StringBuilder();
        b.append(Formats.clock(s.processingMillis())).append("  ")
                .append(Formats.count(s.sourceRecords())).append(" records  ")
                .append(Formats.rate(recordsPerSecond)).append(" rec/s  checkpoints ")
                .append(s.completedCheckpoints()).append(" completed, ").append(s.failedCheckpoints())
                .append(" failed");
        lastCompleted(s.checkpoints()).ifPresent(c -> b.append(", last ").append(c.endToEndMillis()).append(" ms"));
        if (s.restarts() > 0) {
            b.append("  restarts ").append(s.restarts());
        }
        if (s.status() != JobStatus.RUNNING) {
            b.append("  [").append(s.status()).append(']');
        }
        return b.toString();
    }

    private static java.util.Optional<CheckpointStats> lastCompleted(List<CheckpointStats> checkpoints) {
        for (int i = checkpoints.size() - 1; i >= 0; i--) {
            if (checkpoints.get(i).status() == CheckpointStatus.COMPLETED) {
                return java.util.Optional.of(checkpoints.get(i));
            }
        }
        return java.util.Optional.empty();
    }
}
