package org.checkpointlab.views.graph;

import java.util.Locale;
import org.checkpointlab.views.i18n.Texts;

/**
 * The part an operator plays in a pipeline, which decides the accent colour of its card (and its palette group
 * in the editor): where records come from, stateless work on them, keyed (stateful, partitioned by key) work,
 * and where they leave the job.
 */
public enum OperatorRole {
    /** Reads records into the job (has no inputs). */
    SOURCE,
    /** Stateless per-record work: map, filter, flatMap. */
    TRANSFORMATION,
    /** Works on keyed state, fed through a hash (keyBy) edge. */
    KEYED,
    /** Writes records out of the job (has no outputs). */
    SINK;

    /** The role's name for users, e.g. {@code keyed}. */
    public String displayName() {
        return Texts.get("role." + name().toLowerCase(Locale.ROOT));
    }

    /** The CSS style class of a card with this role, e.g. {@code role-keyed}. */
    public String styleClass() {
        return "role-" + name().toLowerCase(Locale.ROOT);
    }
}
