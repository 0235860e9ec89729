package org.checkpointlab.model.pipeline;

import java.time.Duration;
import java.util.Map;

import org.checkpointlab.model.checkpoint.CheckpointOptions;

/**
 * What a pipeline started in the lab gets unless the user says otherwise: the editor's new pipelines and newly
 * dropped sources, and the samples, follow these. They are not Flink's defaults (those stay in
 * {@link CheckpointOptions#defaults()} and are what a file without a
 * {@code checkpointing} section, and the CLI without flags, get): this is a checkpoint lab, so a job checkpoints
 * from the start, often enough to watch, and its sources run until stopped at a rate a person can follow.
 *
 * <ul>
 *   <li>Checkpointing on every {@link #CHECKPOINT_INTERVAL}; with checkpointing on, Flink's default restart
 *       strategy is exponential delay (initial backoff 1 s), so a failed task is restarted and restored.</li>
 *   <li>Sources unbounded ({@code count} 0) at {@link #RECORDS_PER_SECOND} records ({@code sequence-source}) or
 *       {@link #SENTENCES_PER_SECOND} sentences ({@code sentence-source}) per second per subtask; setting a
 *       {@code count} makes a bounded run.</li>
 * </ul>
 */
public final class LabDefaults {

    /** The checkpoint interval of a new pipeline: one checkpoint every 2 seconds. */
    public static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(2);

    /** Records per second per subtask of a new {@code sequence-source}. */
    public static final long RECORDS_PER_SECOND = 100;

    /** Sentences per second per subtask of a new {@code sentence-source} (3 to 8 words each). */
    public static final long SENTENCES_PER_SECOND = 20;

    private LabDefaults() {
    }

    /** The {@code checkpointing} section of a new pipeline: the interval, everything else Flink's default. */
    public static CheckpointingConfig checkpointing() {
        return CheckpointingConfig.of(CheckpointOptions.defaults().withInterval(CHECKPOINT_INTERVAL));
    }

    /**
     * The parameters a new operator of {@code kind} starts with: for sources unbounded at a watchable rate, for
     * every other kind none (each parameter then has its kind's default).
     */
    public static Map<String, Object> params(OperatorKind kind) {
        return switch (kind) {
            case SEQUENCE_SOURCE -> Map.of("count", 0L, "ratePerSecond", RECORDS_PER_SECOND);
            case SENTENCE_SOURCE -> Map.of("count", 0L, "ratePerSecond", SENTENCES_PER_SECOND);
            default -> Map.of();
        };
    }
}
