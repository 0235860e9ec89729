package org.checkpointlab.model.state;

/** The kind of a keyed state, as written into the key-group format. The codes are part of that format. */
public enum StateKind {
    /** {@link ValueState}: one value per key. */
    VALUE(1),
    /** {@link ListState}: a list per key; the stored value is the whole list. */
    LIST(2),
    /** {@link MapState}: a map per key; the stored value is the whole map. */
    MAP(3);

    private final int code;

    StateKind(int code) {
        this.code = code;
    }

    /** The byte that stands for this kind in serialized state. */
    public int code() {
        return code;
    }

    /** The kind for a serialized code, or {@code null} when the code is unknown. */
    public static StateKind ofCode(int code) {
        for (StateKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }
}
