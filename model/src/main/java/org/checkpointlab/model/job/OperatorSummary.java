package org.checkpointlab.model.job;

/** Totals of one operator over all its subtasks at the end of (or during) a run. */
public record OperatorSummary(String id, String kind, int parallelism, long recordsIn, long recordsOut) {
}
