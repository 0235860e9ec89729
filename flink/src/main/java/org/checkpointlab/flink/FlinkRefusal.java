package org.checkpointlab.flink;

import java.util.List;

/**
 * A run the Flink engine refuses before anything starts: a setting or a spec feature Flink lacks, a pipeline that
 * does not validate, a cluster that cannot start or a job that Flink rejects on submit. Each problem names what it
 * is about.
 */
public final class FlinkRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public FlinkRefusal(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public FlinkRefusal(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
