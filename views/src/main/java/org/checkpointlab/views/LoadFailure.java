package org.checkpointlab.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.checkpointlab.views.i18n.Texts;

/**
 * A pipeline file that could not be opened (or saved), with every problem found; shown to the user while the
 * pipeline being edited stays on screen exactly as it was.
 *
 * @param file     the file the action was about
 * @param action   what failed, as a verb: {@link #OPEN} or {@link #SAVE}
 * @param problems one line per problem, each naming where
 */
public record LoadFailure(Path file, String action, List<String> problems) {
    /** A file that could not be opened. */
    public static final String OPEN = "open";
    /** A file that could not be written. */
    public static final String SAVE = "save";

    public LoadFailure {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(action, "action");
        problems = List.copyOf(problems);
    }

    /** A file that could not be opened. */
    public LoadFailure(Path file, List<String> problems) {
        this(file, OPEN, problems);
    }

    /** One line for the status bar, e.g. {@code Could not open bad.json: 2 problems}. */
    public String summary() {
        return Texts.format("loadFailure." + action, file.getFileName(), Counts.of(problems.size(), "count.problem"));
    }

    /** Whether a save failed (nothing was lost then, the pipeline just stays unsaved). */
    public boolean saving() {
        return SAVE.equals(action);
    }
}
