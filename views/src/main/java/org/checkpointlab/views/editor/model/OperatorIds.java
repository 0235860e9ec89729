package org.checkpointlab.views.editor.model;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fresh operator ids: the base itself when free, else {@code base-2}, {@code base-3}, ... */
final class OperatorIds {
    private static final Pattern NUMBERED = Pattern.compile("(.+)-(\\d+)");

    private OperatorIds() {
    }

    /** {@code base} if no operator uses it, else the first free {@code base-n} with n >= 2. */
    static String fresh(String base, Collection<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** A fresh id for a copy of {@code id}: the copy of {@code count} or {@code count-2} is {@code count-3} etc. */
    static String freshCopyOf(String id, Collection<String> taken) {
        Matcher m = NUMBERED.matcher(id);
        return fresh(m.matches() ? m.group(1) : id, taken);
    }
}
