package org.checkpointlab.model.job;

/** Which tasks restart after a failure, as Flink's {@code jobmanager.execution.failover-strategy}. */
public enum FailoverStrategy {
    /**
     * Restart only the failed task's pipelined region: in a streaming job whose edges are all pipelined, the
     * connected component of the pipeline that contains it. Flink's default.
     */
    REGION,
    /** Restart every task of the job. */
    FULL
}
