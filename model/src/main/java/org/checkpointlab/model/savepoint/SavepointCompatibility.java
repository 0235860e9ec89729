package org.checkpointlab.model.savepoint;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.checkpoint.OperatorSubtaskState;
import org.checkpointlab.model.checkpoint.OperatorSubtaskState;
import org.checkpointlab.model.checkpoint.TaskStateSnapshot;
import org.checkpointlab.model.checkpoint.TaskStateSnapshot;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.ValidationProblem;
import org.checkpointlab.model.state.OperatorStateFormat;

/**
 * Whether a savepoint can restore a pipeline, by Flink's rules: operators are matched to saved state by id (uid);
 * state of an operator that is gone fails the restore unless non-restored state is allowed; a stateful operator whose
 * kind changed no longer matches its state; a parallelism above the saved max parallelism is refused; in-flight
 * data of an unaligned checkpoint cannot be rescaled.
 */
public final class SavepointCompatibility {
    private SavepointCompatibility() {
    }

    /**
     * The pipeline to run: operators without an explicit max parallelism take the savepoint's, so that key groups
     * stay the same (as Flink does), even when the new parallelism would give another default.
     */
    public static PipelineSpec withSavedMaxParallelism(Savepoint savepoint, PipelineSpec pipeline) {
        List<OperatorSpec> ops = new ArrayList<>();
        for (OperatorSpec op : pipeline.operators()) {
            SavepointMetadata.OperatorEntry saved = savepoint.operator(op.id());
            if (saved != null && op.maxParallelism() == null) {
                ops.add(new OperatorSpec(op.id(), op.name(), op.kind(), op.parallelism(), saved.maxParallelism(),
                        op.params()));
            } else {
                ops.add(op);
            }
        }
        return pipeline.withOperators(ops);
    }

    /** Every reason {@code savepoint} cannot restore {@code pipeline}, in English; empty when it can. */
    public static List<String> problems(Savepoint savepoint, PipelineSpec pipeline, boolean allowNonRestoredState) {
        return findings(savepoint, pipeline, allowNonRestoredState).stream().map(ValidationProblem::english).toList();
    }

    /** Every reason {@code savepoint} cannot restore {@code pipeline}, as facts; empty when it can. */
    public static List<ValidationProblem> findings(Savepoint savepoint, PipelineSpec pipeline,
                                                   boolean allowNonRestoredState) {
        List<ValidationProblem> problems = new ArrayList<>();
        Object where = savepoint.directory();
        for (SavepointMetadata.OperatorEntry saved : savepoint.metadata().operators()) {
            OperatorSpec op = pipeline.operator(saved.id()).orElse(null);
            boolean hasState = hasState(savepoint, saved);
            if (op == null) {
                if (hasState && !allowNonRestoredState) {
                    problems.add(ValidationProblem.of(ValidationProblem.Kind.SAVEPOINT_STATE_NOT_IN_PIPELINE, where,
                            saved.id(), saved.kind()));
                }
                continue;
            }
            if (hasState && !op.kind().equals(saved.kind())) {
                problems.add(ValidationProblem.of(ValidationProblem.Kind.SAVEPOINT_KIND_CHANGED, where, saved.id(),
                        saved.kind(), op.kind()));
            }
            int maxP = op.maxParallelism() != null ? op.maxParallelism() : saved.maxParallelism();
            if (op.maxParallelism() != null && op.maxParallelism() != saved.maxParallelism()
                    && anyKeyed(saved)) {
                problems.add(ValidationProblem.of(ValidationProblem.Kind.SAVEPOINT_MAX_PARALLELISM_CHANGED, where,
                        saved.id(), op.maxParallelism(), saved.maxParallelism()));
            }
            if (op.parallelism() > maxP) {
                problems.add(ValidationProblem.of(ValidationProblem.Kind.SAVEPOINT_PARALLELISM_ABOVE_MAX, where,
                        saved.id(), op.parallelism(), maxP));
            }
        }
        if (hasInFlightData(savepoint.state())) {
            for (SavepointMetadata.OperatorEntry saved : savepoint.metadata().operators()) {
                OperatorSpec op = pipeline.operator(saved.id()).orElse(null);
                if (op != null && op.parallelism() != saved.parallelism()) {
                    problems.add(ValidationProblem.of(ValidationProblem.Kind.SAVEPOINT_IN_FLIGHT_RESCALE, where,
                            saved.id(), saved.parallelism(), op.parallelism()));
                    break;
                }
            }
        }
        return problems;
    }

    /** The savepoint's state without the operators the pipeline no longer has. */
    public static CompletedCheckpoint restorableState(Savepoint savepoint, PipelineSpec pipeline) {
        Map<String, TaskStateSnapshot> tasks = new HashMap<>();
        savepoint.state().tasks().forEach((key, task) -> {
            List<OperatorSubtaskState> kept = task.operators().stream()
                    .filter(o -> pipeline.operator(o.operatorId()).isPresent()).toList();
            tasks.put(key, new TaskStateSnapshot(kept, task.inputInFlight(), task.outputInFlight()));
        });
        CompletedCheckpoint s = savepoint.state();
        return new CompletedCheckpoint(s.id(), s.timestamp(), s.savepoint(), tasks);
    }

    /** Whether the operator saved anything: keyed state, or a non-empty operator list state. */
    private static boolean hasState(Savepoint savepoint, SavepointMetadata.OperatorEntry op) {
        if (anyKeyed(op)) {
            return true;
        }
        for (TaskStateSnapshot task : savepoint.state().tasks().values()) {
            for (OperatorSubtaskState s : task.operators()) {
                if (s.operatorId().equals(op.id()) && s.operatorState() != null) {
                    try {
                        for (OperatorStateFormat.NamedList list : OperatorStateFormat.read(
                                s.operatorState().read())) {
                            if (!list.elements().isEmpty()) {
                                return true;
                            }
                        }
                    } catch (IOException e) {
                        return true; // unreadable counts as state: the restore will report it
                    }
                }
            }
        }
        return false;
    }

    private static boolean anyKeyed(SavepointMetadata.OperatorEntry op) {
        return op.subtasks().stream().anyMatch(s -> s.keyedFile() != null);
    }

    private static boolean hasInFlightData(CompletedCheckpoint state) {
        return state.tasks().values().stream()
                .anyMatch(t -> !t.inputInFlight().isEmpty() || !t.outputInFlight().isEmpty());
    }
}
