package org.checkpointlab.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.util.Durations;

import picocli.CommandLine.Option;

/**
 * Savepoints taken by {@code run} ({@code --savepoint-at}, {@code --stop-with-savepoint-at} into
 * {@code --savepoint-dir}) and the savepoint it starts from ({@code --from-savepoint},
 * {@code --allow-non-restored-state}).
 */
final class SavepointFlags {
    private static final Pattern SAVEPOINT_NAME = Pattern.compile("savepoint-(\\d+)");

    @Option(names = "--savepoint-at", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Take a savepoint this long after the job started, into --savepoint-dir; repeatable.")
    List<Duration> savepointAt = new ArrayList<>();

    @Option(names = "--stop-with-savepoint-at", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop the job with a savepoint this long after it started, into --savepoint-dir: sources "
                    + "emit nothing after the savepoint barrier, sinks commit what it covers, the job ends FINISHED "
                    + "(Flink's `flink stop`).")
    Duration stopAt;

    @Option(names = "--drain",
            description = "With --stop-with-savepoint-at: sources end their input first (windows fire, operators "
                    + "flush), then the savepoint is taken; a job resumed from it reads nothing more (Flink's "
                    + "`flink stop --drain`).")
    boolean drain;

    @Option(names = "--savepoint-dir", paramLabel = "DIR",
            description = "Directory for the savepoints; each goes to DIR/savepoint-N (N = 1, 2, ... after the "
                    + "names already there).")
    Path savepointDir;

    @Option(names = "--from-savepoint", paramLabel = "DIR",
            description = "Start from this savepoint (or retained checkpoint DIR/chk-N).")
    Path fromSavepoint;

    @Option(names = "--allow-non-restored-state",
            description = "With --from-savepoint: skip state of operators no longer in the pipeline.")
    boolean allowNonRestoredState;

    boolean takesSavepoints() {
        return !savepointAt.isEmpty() || stopAt != null;
    }

    /** The restore setting, or {@code null} without {@code --from-savepoint}. */
    SavepointRestore restore() {
        return fromSavepoint == null ? null : new SavepointRestore(fromSavepoint, allowNonRestoredState);
    }

    /** Checks that the flags go together; {@code duration} is {@code --duration} or null. */
    void check(Duration duration, List<String> problems) {
        if (takesSavepoints() && savepointDir == null) {
            problems.add((stopAt != null ? "--stop-with-savepoint-at" : "--savepoint-at")
                    + " needs --savepoint-dir DIR (where the savepoints are written)");
        }
        if (drain && stopAt == null) {
            problems.add("--drain is used only with --stop-with-savepoint-at");
        }
        if (savepointDir != null && !takesSavepoints()) {
            problems.add("--savepoint-dir is used only with --savepoint-at or --stop-with-savepoint-at");
        }
        if (savepointDir != null && Files.exists(savepointDir) && !Files.isDirectory(savepointDir)) {
            problems.add("--savepoint-dir " + savepointDir + ": exists and is not a directory");
        }
        for (Duration at : savepointAt) {
            if (stopAt != null && at.compareTo(stopAt) >= 0) {
                problems.add("--savepoint-at " + Durations.format(at) + " is not before --stop-with-savepoint-at "
                        + Durations.format(stopAt) + ": the job has stopped by then");
            }
            if (duration != null && at.compareTo(duration) >= 0) {
                problems.add("--savepoint-at " + Durations.format(at) + " is not before --duration "
                        + Durations.format(duration) + ": the job is cancelled by then");
            }
        }
        if (stopAt != null && duration != null && stopAt.compareTo(duration) >= 0) {
            problems.add("--stop-with-savepoint-at " + Durations.format(stopAt) + " is not before --duration "
                    + Durations.format(duration) + ": the job is cancelled by then");
        }
        if (allowNonRestoredState && fromSavepoint == null) {
            problems.add("--allow-non-restored-state applies only with --from-savepoint DIR");
        }
    }

    /**
     * The first fresh savepoint number in {@code --savepoint-dir}: one more than the highest
     * {@code savepoint-N} already there, so earlier runs' savepoints are never overwritten.
     */
    int firstFreeNumber() {
        if (savepointDir == null || !Files.isDirectory(savepointDir)) {
            return 1;
        }
        int max = 0;
        try (Stream<Path> entries = Files.list(savepointDir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                Matcher m = SAVEPOINT_NAME.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).length() < 10) {
                    max = Math.max(max, Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            return max + 1;
        }
        return max + 1;
    }
}
