package org.checkpointlab.model.pipeline;

import java.util.List;

/**
 * A pipeline that cannot run, with every problem found. Each problem names where it is: the file position
 * ({@code line 3, column 14}), the operator ({@code operator 'count'}) or the edge ({@code edge source -> count}).
 */
public final class PipelineException extends Exception {
    private final List<String> problems;
    private final List<ValidationProblem> findings;
    private final String source;

    public PipelineException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PipelineException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.findings = List.of();
        this.source = null;
    }

    private PipelineException(List<String> problems, List<ValidationProblem> findings, String source) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PipelineException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.findings = List.copyOf(findings);
        this.source = source;
    }

    /** The validator's problems: {@link #problems()} in English, {@link #findings()} as facts. */
    public static PipelineException of(List<ValidationProblem> findings) {
        return new PipelineException(findings.stream().map(ValidationProblem::english).toList(), findings, null);
    }

    /**
     * The validator's problems of the file {@code source} (its name): each of {@link #problems()} starts with
     * {@code source: }; each problem is said once.
     */
    public static PipelineException of(String source, List<ValidationProblem> findings) {
        List<ValidationProblem> once = List.copyOf(new java.util.LinkedHashSet<>(findings));
        return new PipelineException(once.stream().map(p -> source + ": " + p.english()).toList(), once, source);
    }

    /** The file the problems are in (its name), when they are a file's; else {@code null}. */
    public String source() {
        return source;
    }

    public PipelineException(String problem) {
        this(List.of(problem));
    }

    /** Every problem, in English. */
    public List<String> problems() {
        return problems;
    }

    /**
     * The problems as facts when the validator found them (one per {@link #problems()} line, same order); empty for
     * other problems (a file that cannot be read or parsed), which exist in English only.
     */
    public List<ValidationProblem> findings() {
        return findings;
    }
}
