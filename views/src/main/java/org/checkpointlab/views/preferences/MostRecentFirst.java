package org.checkpointlab.views.preferences;

import java.util.ArrayList;
import java.util.List;

/** Lists kept most recent first and bounded, as File &gt; Open recent keeps its files and Connect its URLs. */
public final class MostRecentFirst {
    private MostRecentFirst() {
    }

    /** {@code list} with {@code item} first (moved up if it was listed), cut to the {@code limit} most recent. */
    public static <T> List<T> put(List<T> list, T item, int limit) {
        List<T> next = new ArrayList<>(list);
        next.remove(item);
        next.add(0, item);
        while (next.size() > limit) {
            next.remove(next.size() - 1);
        }
        return next;
    }
}
