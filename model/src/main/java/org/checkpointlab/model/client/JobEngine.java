package org.checkpointlab.model.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.PipelineException;

/**
 * An engine the user can run a pipeline on (the local engine, Apache Flink embedded in this process): a
 * {@link JobLauncher} with a stable id and a name, that names before the start what it cannot run. The composition
 * root lists the engines in an {@link EngineSelection}; front ends offer them by {@link #id()} and never see the
 * engine's classes.
 */
public interface JobEngine extends JobLauncher {
    /** The local engine's id. */
    String LOCAL = "local";
    /** The id of Apache Flink on a MiniCluster in this process. */
    String EMBEDDED_FLINK = "flink-embedded";

    /** Stable id ({@link #LOCAL}, {@link #EMBEDDED_FLINK}); front ends name the engine from their texts by it. */
    String id();

    /** The engine's name in English, for logs and messages. */
    String displayName();

    /**
     * What of {@code config} this engine cannot run, each entry naming the feature (e.g. "state backend rocksdb:
     * ..."); empty when it can. Starts nothing; may take some milliseconds (a translation): call it on a command,
     * not per frame.
     */
    default List<String> refusals(JobConfig config) {
        return List.of();
    }

    /**
     * Starts in the background what the first job needs (an embedded cluster), so that Run is quick; returns at
     * once. The future completes when the engine is ready, or fails with why it cannot be (then a start fails too,
     * saying so, and the next {@code prepare} tries again).
     */
    default CompletableFuture<Void> prepare() {
        return CompletableFuture.completedFuture(null);
    }

    /** Releases what the engine holds (an embedded cluster); jobs it started end. */
    default void shutdown() {
    }

    /** This process's engine, which runs every pipeline. */
    static JobEngine local() {
        return new JobEngine() {
            @Override
            public String id() {
                return LOCAL;
            }

            @Override
            public String displayName() {
                return "Local engine";
            }

            @Override
            public JobClient start(JobConfig config) throws PipelineException {
                return LocalJobClient.start(config);
            }

            @Override
            public String toString() {
                return displayName();
            }
        };
    }
}
