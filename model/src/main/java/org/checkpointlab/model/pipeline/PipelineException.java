package org.checkpointlab.model.pipeline;

import java.util.List;

/**
 * A pipeline that cannot run, with every problem found. Each problem names where it is: the file position
 * ({@code line 3, column 14}), the operator ({@code operator 'count'}) or the edge ({@code edge source -> count}).
 */
public final class PipelineException extends Exception {
    private final List<String> problems;

    public PipelineException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PipelineException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public PipelineException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
