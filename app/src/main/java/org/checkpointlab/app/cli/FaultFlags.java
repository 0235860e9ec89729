package org.checkpointlab.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;

import picocli.CommandLine.Option;

/** The failures {@code run} injects: {@code --fail} at a time or a record count, and {@code --chaos}. */
final class FaultFlags {

    @Option(names = "--fail", paramLabel = "OP[:SUBTASK]@5s|OP[:SUBTASK]@#N", converter = FailureAt.Converter.class,
            description = "Make a subtask (default 0) fail at a time after the job started, or when it has taken "
                    + "in N records (a source: emitted); repeatable.")
    List<FailureAt> failures = new ArrayList<>();

    @Option(names = "--chaos", paramLabel = "N",
            description = "Inject N failures into random subtasks at random moments (200 ms to 2 s apart).")
    Integer chaos;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of --chaos (default 1): the same seed picks "
            + "the same subtasks and moments.")
    Long seed;

    boolean any() {
        return !failures.isEmpty() || chaos != null;
    }

    long seedOrDefault() {
        return seed != null ? seed : 1;
    }

    /**
     * Checks the operators and subtasks against {@code pipeline} with the {@code parallelism} overrides, and the
     * chaos flags.
     */
    void check(PipelineSpec pipeline, Map<String, Integer> parallelism, List<String> problems) {
        for (FailureAt f : failures) {
            OperatorSpec op = pipeline.operator(f.operatorId()).orElse(null);
            if (op == null) {
                problems.add("--fail " + f.text() + ": there is no operator '" + f.operatorId()
                        + "' in the pipeline (operators: " + String.join(", ",
                        pipeline.operators().stream().map(OperatorSpec::id).toList()) + ")");
                continue;
            }
            Integer override = parallelism.get(op.id());
            int p = override != null ? override : op.parallelism();
            if (f.subtask() >= p) {
                problems.add("--fail " + f.text() + ": operator '" + op.id() + "' has subtasks 0 to " + (p - 1)
                        + " (parallelism " + p + ")");
            }
        }
        if (chaos != null && chaos < 1) {
            problems.add("--chaos must be at least 1, was " + chaos);
        }
        if (seed != null && chaos == null) {
            problems.add("--seed is the seed of --chaos, which is not given");
        }
    }
}
