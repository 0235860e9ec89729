package org.checkpointlab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.checkpointlab.flink.FlinkRun;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.SavepointResult;

/**
 * The savepoints of {@code run --engine flink}: {@code --savepoint-at} ones while the job runs on, and the
 * {@code --stop-with-savepoint-at} one, each into {@code --savepoint-dir} (Flink names the directories
 * {@code savepoint-<job>-<random>}). Each is reported on stderr as it is written. Threading: the timed savepoints
 * are taken on one daemon thread of its own; results are kept under this object's lock.
 */
final class FlinkSavepoints {
    private final FlinkRun run;
    private final SavepointFlags flags;
    private final PrintWriter err;
    private final List<SavepointResult> written = new ArrayList<>();
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private final ScheduledExecutorService timer = DaemonTimer.start("cli-flink-savepoints");

    FlinkSavepoints(FlinkRun run, SavepointFlags flags, PrintWriter err) {
        this.run = run;
        this.flags = flags;
        this.err = err;
    }

    /** Schedules the {@code --savepoint-at} savepoints, counted from now (when the job's tasks run). */
    void start() {
        for (Duration at : flags.savepointAt) {
            scheduled.add(timer.schedule(() -> take(false, Duration.ofSeconds(60)), at.toMillis(),
                    TimeUnit.MILLISECONDS));
        }
    }

    /** Waits up to {@code wait} for every scheduled savepoint that has started, and cancels those not yet due. */
    void finish(Duration wait) throws InterruptedException {
        for (ScheduledFuture<?> f : scheduled) {
            f.cancel(false);
        }
        timer.shutdown();
        timer.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the job with a savepoint.
     *
     * @return whether the savepoint was written (the job then ends FINISHED); otherwise the job was cancelled
     */
    boolean stop(Duration wait) throws InterruptedException {
        if (take(true, wait)) {
            run.awaitTermination(wait);
            return true;
        }
        run.cancel();
        run.awaitTermination(wait);
        return false;
    }

    private boolean take(boolean stop, Duration wait) {
        long t0 = System.currentTimeMillis();
        try {
            String location = stop ? run.stopWithSavepoint(flags.savepointDir, flags.drain, wait)
                    : run.triggerSavepoint(flags.savepointDir, wait);
            Path path = Path.of(URI.create(location));
            synchronized (this) {
                written.add(new SavepointResult(path, -1, sizeOf(path), System.currentTimeMillis() - t0));
                err.println((stop ? "stopped with savepoint " : "savepoint written: ") + path);
                err.flush();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            synchronized (this) {
                err.println((stop ? "stop-with-savepoint" : "savepoint") + " failed: " + e.getMessage()
                        + (stop ? "; cancelling the job" : ""));
                err.flush();
            }
            return false;
        }
    }

    /** The savepoints written, oldest first, with the checkpoint ids Flink's statistics give them. */
    synchronized List<SavepointResult> written(JobSummary summary) {
        List<Long> ids = summary.checkpoints().stream()
                .filter(c -> c.savepoint() && c.status() == CheckpointStatus.COMPLETED)
                .map(CheckpointStats::id).sorted().toList();
        List<SavepointResult> result = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            SavepointResult s = written.get(i);
            long id = ids.size() == written.size() ? ids.get(i) : -1;
            result.add(new SavepointResult(s.path(), id, s.sizeBytes(), s.durationMillis()));
        }
        return result;
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
