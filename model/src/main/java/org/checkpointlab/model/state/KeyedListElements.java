package org.checkpointlab.model.state;

import java.util.List;

/** The null checks of keyed list state, worded once for every keyed backend: a list state holds no null element. */
public final class KeyedListElements {

    private KeyedListElements() {
    }

    /** {@code value}, or a {@link NullPointerException} naming the state and the current key. */
    public static <T> T requireElement(T value, String stateName, Object key) {
        if (value == null) {
            throw new NullPointerException("list state '" + stateName + "' cannot hold null (key " + key + ")");
        }
        return value;
    }

    /** Fails with a {@link NullPointerException} naming the state, the element and the key if one is null. */
    public static void requireElements(List<?> values, String stateName, Object key) {
        for (int n = 0; n < values.size(); n++) {
            if (values.get(n) == null) {
                throw new NullPointerException("list state '" + stateName + "' cannot hold null (element " + n
                        + " of the update for key " + key + ")");
            }
        }
    }
}
