package org.checkpointlab.model.state;

/** How an operator list state is redistributed when a job is restored. The codes are part of the format. */
public enum OperatorStateMode {
    /** Elements are dealt evenly over the new subtasks (Flink's {@code getListState}). */
    SPLIT(1),
    /** Every new subtask gets the union of all old subtasks' elements (Flink's {@code getUnionListState}). */
    UNION(2);

    private final int code;

    OperatorStateMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The mode for a serialized code, or {@code null} when the code is unknown. */
    public static OperatorStateMode ofCode(int code) {
        for (OperatorStateMode mode : values()) {
            if (mode.code == code) {
                return mode;
            }
        }
        return null;
    }
}
