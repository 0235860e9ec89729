package org.checkpointlab.model.savepoint;

import java.util.List;

/**
 * A savepoint that cannot be written, read or restored, with every problem found, each naming what and where
 * (the directory, the file, the operator). Nothing was changed when this is thrown.
 */
public final class SavepointException extends Exception {
    private final List<String> problems;

    public SavepointException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public SavepointException(String problem) {
        this(List.of(problem));
    }

    public SavepointException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
