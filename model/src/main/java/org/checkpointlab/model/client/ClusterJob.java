package org.checkpointlab.model.client;

/**
 * A job as a cluster lists it.
 *
 * @param id              the cluster's job id
 * @param name            the job's name
 * @param state           the cluster's word for its state (Flink's: RUNNING, FINISHED, CANCELED, FAILED, ...)
 * @param startTimeMillis when it started (epoch ms), or -1 when unknown
 * @param durationMillis  how long it has run (or ran, once ended), or -1 when unknown
 */
public record ClusterJob(String id, String name, String state, long startTimeMillis, long durationMillis) {

    /** Whether the job has reached a terminal state (it can still be watched: its history stays). */
    public boolean ended() {
        return "FINISHED".equals(state) || "CANCELED".equals(state) || "FAILED".equals(state);
    }
}
