package org.checkpointlab.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A pipeline file that could not be opened, with every problem found in it; shown to the user while the
 * previously open pipeline stays on screen.
 */
public record LoadFailure(Path file, List<String> problems) {
    public LoadFailure {
        Objects.requireNonNull(file, "file");
        problems = List.copyOf(problems);
    }

    /** One line for the status bar, e.g. {@code Could not open bad.json: 2 problems}. */
    public String summary() {
        int n = problems.size();
        return "Could not open " + file.getFileName() + ": " + n + (n == 1 ? " problem" : " problems");
    }
}
