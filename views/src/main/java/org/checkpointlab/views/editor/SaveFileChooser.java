package org.checkpointlab.views.editor;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks where to save a pipeline (Save As, or Save of a pipeline that has no file yet). The app shows a file
 * chooser; tests return a path at once.
 */
@FunctionalInterface
public interface SaveFileChooser {

    /**
     * @param suggestedName file name to propose, e.g. {@code "word-count.json"}
     * @param directory     folder to start in, or {@code null}
     * @return the chosen file, or empty when the user cancelled
     */
    Optional<Path> choose(String suggestedName, Path directory);
}
