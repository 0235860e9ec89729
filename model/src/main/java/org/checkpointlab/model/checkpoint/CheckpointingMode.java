package org.checkpointlab.model.checkpoint;

/** The checkpointing guarantee, as Flink's {@code CheckpointingMode}. */
public enum CheckpointingMode {
    /** Barriers are aligned (or unaligned with in-flight data persisted): state reflects each record once. */
    EXACTLY_ONCE,
    /** No channel is blocked during alignment: records after an early barrier are replayed after a failure. */
    AT_LEAST_ONCE;

    public String cliName() {
        return this == EXACTLY_ONCE ? "exactly-once" : "at-least-once";
    }

    public static CheckpointingMode fromCliName(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
            case "exactly-once" -> EXACTLY_ONCE;
            case "at-least-once" -> AT_LEAST_ONCE;
            default -> throw new IllegalArgumentException(
                    "unknown checkpointing mode '" + name + "' (expected exactly-once or at-least-once)");
        };
    }
}
