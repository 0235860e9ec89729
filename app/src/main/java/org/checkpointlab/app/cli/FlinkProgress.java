package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
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
    private final ProgressLine line;
    private final long startNanos = System.nanoTime();
    private ScheduledExecutorService timer;
    private long previousRecords;

    FlinkProgress(FlinkRun run, PrintWriter err, boolean terminal) {
        this.run = run;
        this.line = new ProgressLine(err, terminal);
    }

    void start() {
        timer = DaemonTimer.start("cli-flink-progress");
        timer.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    }

    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        line.end();
    }

    private synchronized void print() {
        long records = run.sourceRecords();
        line.show(String.format(Locale.ROOT, "%s  %s records  %s records/s (Flink)",
                Formats.clock((System.nanoTime() - startNanos) / 1_000_000), Formats.count(records),
                Formats.count(records - previousRecords)));
        previousRecords = records;
    }
}
