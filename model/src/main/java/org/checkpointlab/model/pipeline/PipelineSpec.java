package org.checkpointlab.model.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pipeline as stored in a pipeline file (format 1): operators, edges, and optional checkpointing defaults.
 * Immutable. Read and write it with {@link PipelineJson}; check it with {@link PipelineValidator}.
 *
 * @param format        file format version, currently {@value #CURRENT_FORMAT}
 * @param name          pipeline name shown to the user
 * @param operators     operators in file order
 * @param edges         edges in file order
 * @param checkpointing the checkpoint options the file sets over Flink's defaults ({@link CheckpointingConfig#NONE}
 *                      when it has no section)
 * @param chaining      whether forward edges between equal parallelism are chained into one task
 */
public record PipelineSpec(int format, String name, List<OperatorSpec> operators, List<EdgeSpec> edges,
                           CheckpointingConfig checkpointing, boolean chaining) {
    public static final int CURRENT_FORMAT = 1;

    public PipelineSpec {
        Objects.requireNonNull(name, "name");
        operators = List.copyOf(operators);
        edges = List.copyOf(edges);
        checkpointing = checkpointing == null ? CheckpointingConfig.NONE : checkpointing;
    }

    /** A pipeline with the checkpointing section as a file writes it (see {@link CheckpointingConfig#written}). */
    public PipelineSpec(int format, String name, List<OperatorSpec> operators, List<EdgeSpec> edges,
                        Map<String, ?> checkpointing, boolean chaining) {
        this(format, name, operators, edges, CheckpointingConfig.written(checkpointing), chaining);
    }

    public Optional<OperatorSpec> operator(String id) {
        return operators.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    public List<EdgeSpec> inputsOf(String operatorId) {
        return edges.stream().filter(e -> e.to().equals(operatorId)).toList();
    }

    public List<EdgeSpec> outputsOf(String operatorId) {
        return edges.stream().filter(e -> e.from().equals(operatorId)).toList();
    }

    public PipelineSpec withOperators(List<OperatorSpec> newOperators) {
        return new PipelineSpec(format, name, newOperators, edges, checkpointing, chaining);
    }

    public PipelineSpec withCheckpointing(CheckpointingConfig newCheckpointing) {
        return new PipelineSpec(format, name, operators, edges, newCheckpointing, chaining);
    }

    public PipelineSpec withChaining(boolean newChaining) {
        return new PipelineSpec(format, name, operators, edges, checkpointing, newChaining);
    }
}
