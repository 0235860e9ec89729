package org.checkpointlab.model.pipeline;

import java.util.Locale;

/** How an edge distributes records from the subtasks of one operator to the subtasks of the next. */
public enum Partitioning {
    /** Subtask i sends to subtask i only; both sides must have the same parallelism. */
    FORWARD,
    /** By record key: the key's key group decides the receiving subtask (Flink's keyBy). */
    HASH,
    /** Round-robin over every downstream subtask. */
    REBALANCE,
    /** Every record to every downstream subtask. */
    BROADCAST;

    /** The name used in pipeline files, e.g. {@code "hash"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a pipeline-file name such as {@code "rebalance"}; throws if it is not one of the four. */
    public static Partitioning fromJsonName(String name) {
        for (Partitioning p : values()) {
            if (p.jsonName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown partitioning '" + name
                + "' (expected forward, hash, rebalance or broadcast)");
    }
}
