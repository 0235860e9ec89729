package org.checkpointlab.model.savepoint;

import java.util.List;

/**
 * A savepoint that cannot be written, read or restored, with every problem found, each naming what and where
 * (the directory, the file, the operator). Nothing was changed when this is thrown.
 */
public final class SavepointException extends Exception {
    private final List<String> problems;
    private final SavepointProblem finding;

    public SavepointException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
        this.finding = null;
    }

    /** A directory that cannot be read as a savepoint, for {@code problem}. */
    public SavepointException(SavepointProblem problem, Throwable cause) {
        super(problem.english(), cause);
        this.problems = List.of(problem.english());
        this.finding = problem;
    }

    public SavepointException(String problem) {
        this(List.of(problem));
    }

    public SavepointException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
        this.finding = null;
    }

    /** The problem as facts, when it is one a {@link SavepointProblem} names; else null. */
    public SavepointProblem finding() {
        return finding;
    }

    public List<String> problems() {
        return problems;
    }
}
