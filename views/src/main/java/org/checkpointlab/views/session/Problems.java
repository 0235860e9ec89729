package org.checkpointlab.views.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.savepoint.SavepointException;

/** Turns what the engine threw into the lines a user reads: each problem of a pipeline or savepoint on its own. */
public final class Problems {
    private Problems() {
    }

    /** The problems carried by {@code error}, unwrapping futures' wrappers; never empty. */
    public static List<String> of(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof PipelineException p) {
            return p.problems();
        }
        if (t instanceof SavepointException s) {
            return s.problems();
        }
        List<String> lines = new ArrayList<>();
        lines.add(t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage());
        return lines;
    }
}
