package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.checkpointlab.flink.FlinkRun;

/**
 * The progress line of {@code run --engine flink} on stderr, once a second: elapsed time, source records and
 * records/s over the last second. On a terminal each line overwrites the previous one, as the local run's
 * {@link ProgressReporter} does. Threading: one daemon thread of its own, which reads only the run's thread-safe
 * record counters.
 */
final class FlinkProgress {
    private final FlinkRun run;
    private final PrintWriter err;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private ScheduledExecutorService timer;
    private long previousRecords;
    private int previousLength;

    FlinkProgress(FlinkRun run, PrintWriter err, boolean terminal) {
        this.run = run;
        this.err = err;
        this.terminal = terminal;
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cli-flink-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    }

    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        synchronized (this) {
            if (terminal && previousLength > 0) {
                err.print("\n");
                err.flush();
            }
        }
    }

    private synchronized void print() {
        long records = run.sourceRecords();
        String line = String.format(Locale.ROOT, "%s  %s records  %s records/s (Flink)",
                Formats.clock((System.nanoTime() - startNanos) / 1_000_000), Formats.count(records),
                Formats.count(records - previousRecords));
        previousRecords = records;
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, previousLength - line.length())));
            previousLength = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }
}
