package org.checkpointlab.views.editor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.LabDefaults;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;
import org.checkpointlab.views.i18n.Texts;

/**
 * The pipeline in the editor: a {@link PipelineSpec}, where each operator's card sits on the canvas, and what is
 * selected. Immutable, so the command stack can keep earlier versions for undo and compare them with
 * {@code equals}.
 *
 * <p>Positions and selection are kept consistent with the spec: entries for operators or edges the spec does not
 * have are dropped on construction (deleting an operator therefore also drops its position and selection).
 * An operator without a position is drawn at {@link Position#ORIGIN} until it is moved or laid out.
 *
 * <p>The pipeline may be invalid while it is being built (a source without a sink, a forward edge left between
 * different parallelism after a parallelism change); {@link #problems()} lists what the editor should mark.
 */
public record EditablePipeline(PipelineSpec spec, Map<String, Position> positions, Selection selection) {

    public EditablePipeline {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(selection, "selection");
        Set<String> ids = spec.operators().stream().map(OperatorSpec::id).collect(Collectors.toSet());
        positions = positions.entrySet().stream()
                .filter(e -> ids.contains(e.getKey()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<EdgeRef> edges = spec.edges().stream().map(EdgeRef::of).collect(Collectors.toSet());
        selection = new Selection(
                selection.operators().stream().filter(ids::contains).collect(Collectors.toSet()),
                selection.edges().stream().filter(edges::contains).collect(Collectors.toSet()));
    }

    /**
     * A pipeline with no operators, chaining on and the lab's checkpointing ({@link LabDefaults#checkpointing()}:
     * on at a watchable interval, so Flink's restart default for checkpointed jobs applies).
     */
    public static EditablePipeline empty(String name) {
        return of(new PipelineSpec(PipelineSpec.CURRENT_FORMAT, name, List.of(), List.of(),
                LabDefaults.checkpointing(), true), Map.of());
    }

    /** A pipeline read from a file, with positions from a layout (or none), nothing selected. */
    public static EditablePipeline of(PipelineSpec spec, Map<String, Position> positions) {
        return new EditablePipeline(spec, positions, Selection.NONE);
    }

    /**
     * Every problem the pipeline validation finds, each naming the operator or edge, in the UI's language; empty
     * when it can run.
     */
    public List<String> problems() {
        return org.checkpointlab.views.session.Problems.of(findings());
    }

    /** The problems as facts, in the order of {@link #problems()}. */
    public List<org.checkpointlab.model.pipeline.ValidationProblem> findings() {
        return PipelineValidator.findings(spec);
    }

    public Optional<OperatorSpec> operator(String id) {
        return spec.operator(id);
    }

    /** The operator's kind, or empty when the id is unknown or its kind is not one {@link OperatorKind} knows. */
    public Optional<OperatorKind> kindOf(String id) {
        return operator(id).flatMap(o -> OperatorKind.byJsonName(o.kind()));
    }

    public Optional<EdgeSpec> edge(String from, String to) {
        return spec.edges().stream().filter(e -> e.from().equals(from) && e.to().equals(to)).findFirst();
    }

    /** The ids of all operators, in spec order. */
    public List<String> operatorIds() {
        return spec.operators().stream().map(OperatorSpec::id).toList();
    }

    /** Where the operator is drawn; {@link Position#ORIGIN} when it has no position yet. */
    public Position positionOf(String id) {
        return positions.getOrDefault(id, Position.ORIGIN);
    }

    public EditablePipeline withSpec(PipelineSpec newSpec) {
        return new EditablePipeline(newSpec, positions, selection);
    }

    public EditablePipeline withPositions(Map<String, Position> newPositions) {
        return new EditablePipeline(spec, newPositions, selection);
    }

    public EditablePipeline withSelection(Selection newSelection) {
        return new EditablePipeline(spec, positions, newSelection);
    }

    /** This pipeline with the operator {@code id} replaced by {@code change} applied to it (same place in order). */
    EditablePipeline withOperator(String id, UnaryOperator<OperatorSpec> change) {
        List<OperatorSpec> operators = new ArrayList<>();
        for (OperatorSpec o : spec.operators()) {
            operators.add(o.id().equals(id) ? change.apply(o) : o);
        }
        return withSpec(spec.withOperators(operators));
    }

    /** This pipeline with other edges, in the given order. */
    EditablePipeline withEdges(List<EdgeSpec> edges) {
        return withSpec(new PipelineSpec(spec.format(), spec.name(), spec.operators(), edges, spec.checkpointing(),
                spec.chaining()));
    }

    /** This pipeline with one more position set. */
    EditablePipeline withPosition(String id, Position position) {
        Map<String, Position> copy = new HashMap<>(positions);
        copy.put(id, position);
        return withPositions(copy);
    }

    /** The operator, or an {@link EditRefused} saying {@code action} is impossible because it does not exist. */
    OperatorSpec requireOperator(String id, String action) {
        return operator(id).orElseThrow(() -> EditRefused.because(action, Texts.format("edit.noOperator", id)));
    }

    /** The edge, or an {@link EditRefused} saying {@code action} is impossible because it does not exist. */
    EdgeSpec requireEdge(String from, String to, String action) {
        return edge(from, to).orElseThrow(() -> EditRefused.because(action, Texts.format("edit.noEdge", from, to)));
    }
}
