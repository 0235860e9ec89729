package org.checkpointlab.model.checkpoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checkpoint configuration with Flink's defaults ({@link #defaults()}). Immutable; the {@code with…} methods
 * return changed copies. A running job takes new options from its next checkpoint on.
 *
 * @param interval                 periodic trigger interval, or {@code null} when periodic checkpoints are off
 * @param mode                     exactly-once or at-least-once
 * @param timeout                  a checkpoint not complete after this fails (default 10 min)
 * @param minPause                 from the end of one checkpoint to the start of the next (default 0)
 * @param maxConcurrent            checkpoints in progress at once (default 1)
 * @param tolerableFailures        consecutive failed checkpoints tolerated before the job fails over (default 0)
 * @param unaligned                unaligned checkpoints (exactly-once only, max concurrent 1)
 * @param alignedTimeout           with unaligned: start aligned and switch after this long aligning (0 = start
 *                                 unaligned)
 * @param retention                externalized checkpoint retention
 * @param retained                 number of completed checkpoints kept (default 1)
 * @param directory                checkpoint storage directory, or {@code null} for the job manager's memory
 *                                 (5 MiB state limit)
 */
public record CheckpointOptions(Duration interval, CheckpointingMode mode, Duration timeout, Duration minPause,
                                int maxConcurrent, int tolerableFailures, boolean unaligned,
                                Duration alignedTimeout, Retention retention, int retained, Path directory) {

    /** The job manager's in-memory checkpoint storage refuses state larger than this per subtask. */
    public static final long MEMORY_STORAGE_MAX_STATE_BYTES = 5L * 1024 * 1024;

    public static CheckpointOptions defaults() {
        return new CheckpointOptions(null, CheckpointingMode.EXACTLY_ONCE, Duration.ofMinutes(10), Duration.ZERO,
                1, 0, false, Duration.ZERO, Retention.NONE, 1, null);
    }

    /** Whether periodic checkpoints are on. */
    public boolean periodic() {
        return interval != null;
    }

    /** The problems with this configuration, in words a user understands (English); empty when it is valid. */
    public List<String> problems() {
        return findings().stream().map(OptionProblem::english).toList();
    }

    /** The problems with this configuration, as facts; empty when it is valid. */
    public List<OptionProblem> findings() {
        List<OptionProblem> problems = new ArrayList<>();
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            problems.add(OptionProblem.of(OptionProblem.Kind.INTERVAL_NOT_POSITIVE, interval.toMillis()));
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            problems.add(OptionProblem.of(OptionProblem.Kind.TIMEOUT_NOT_POSITIVE));
        }
        if (minPause == null || minPause.isNegative()) {
            problems.add(OptionProblem.of(OptionProblem.Kind.MIN_PAUSE_NEGATIVE));
        }
        if (maxConcurrent < 1) {
            problems.add(OptionProblem.of(OptionProblem.Kind.MAX_CONCURRENT_BELOW_ONE, maxConcurrent));
        }
        if (tolerableFailures < 0) {
            problems.add(OptionProblem.of(OptionProblem.Kind.TOLERABLE_FAILURES_NEGATIVE, tolerableFailures));
        }
        if (alignedTimeout == null || alignedTimeout.isNegative()) {
            problems.add(OptionProblem.of(OptionProblem.Kind.ALIGNED_TIMEOUT_NEGATIVE));
        }
        if (retained < 1) {
            problems.add(OptionProblem.of(OptionProblem.Kind.RETAINED_BELOW_ONE, retained));
        }
        if (unaligned && mode != CheckpointingMode.EXACTLY_ONCE) {
            problems.add(OptionProblem.of(OptionProblem.Kind.UNALIGNED_NEEDS_EXACTLY_ONCE));
        }
        if (unaligned && maxConcurrent != 1) {
            problems.add(OptionProblem.of(OptionProblem.Kind.UNALIGNED_NEEDS_ONE_CONCURRENT));
        }
        return problems;
    }

    /** Throws {@link IllegalArgumentException} listing every problem, if there is any. */
    public CheckpointOptions validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return this;
    }

    public CheckpointOptions withInterval(Duration v) {
        return new CheckpointOptions(v, mode, timeout, minPause, maxConcurrent, tolerableFailures, unaligned,
                alignedTimeout, retention, retained, directory);
    }

    public CheckpointOptions withMode(CheckpointingMode v) {
        return new CheckpointOptions(interval, v, timeout, minPause, maxConcurrent, tolerableFailures, unaligned,
                alignedTimeout, retention, retained, directory);
    }

    public CheckpointOptions withTimeout(Duration v) {
        return new CheckpointOptions(interval, mode, v, minPause, maxConcurrent, tolerableFailures, unaligned,
                alignedTimeout, retention, retained, directory);
    }

    public CheckpointOptions withMinPause(Duration v) {
        return new CheckpointOptions(interval, mode, timeout, v, maxConcurrent, tolerableFailures, unaligned,
                alignedTimeout, retention, retained, directory);
    }

    public CheckpointOptions withMaxConcurrent(int v) {
        return new CheckpointOptions(interval, mode, timeout, minPause, v, tolerableFailures, unaligned,
                alignedTimeout, retention, retained, directory);
    }

    public CheckpointOptions withTolerableFailures(int v) {
        return new CheckpointOptions(interval, mode, timeout, minPause, maxConcurrent, v, unaligned,
                alignedTimeout, retention, retained, directory);
    }

    public CheckpointOptions withUnaligned(boolean v) {
        return new CheckpointOptions(interval, mode, timeout, minPause, maxConcurrent, tolerableFailures, v,
                alignedTimeout, retention, retained, directory);
    }

    public CheckpointOptions withAlignedTimeout(Duration v) {
        return new CheckpointOptions(interval, mode, timeout, minPause, maxConcurrent, tolerableFailures, unaligned,
                v, retention, retained, directory);
    }

    public CheckpointOptions withRetention(Retention v) {
        return new CheckpointOptions(interval, mode, timeout, minPause, maxConcurrent, tolerableFailures, unaligned,
                alignedTimeout, v, retained, directory);
    }

    public CheckpointOptions withRetained(int v) {
        return new CheckpointOptions(interval, mode, timeout, minPause, maxConcurrent, tolerableFailures, unaligned,
                alignedTimeout, retention, v, directory);
    }

    public CheckpointOptions withDirectory(Path v) {
        return new CheckpointOptions(interval, mode, timeout, minPause, maxConcurrent, tolerableFailures, unaligned,
                alignedTimeout, retention, retained, v);
    }
}
