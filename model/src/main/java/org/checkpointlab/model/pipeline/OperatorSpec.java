package org.checkpointlab.model.pipeline;

import java.util.Map;
import java.util.Objects;

/**
 * One operator of a pipeline as written in a pipeline file.
 *
 * @param id             stable operator id; also the uid that matches the operator to saved state
 * @param name           display name (defaults to the id when absent in the file)
 * @param kind           operator kind, e.g. {@code "keyed-count"} (see {@link OperatorKind})
 * @param parallelism    number of subtasks, at least 1
 * @param maxParallelism number of key groups, or {@code null} for Flink's default
 * @param params         kind-specific parameters (numbers as {@link Number}, strings, booleans)
 */
public record OperatorSpec(String id, String name, String kind, int parallelism, Integer maxParallelism,
                           Map<String, Object> params) {
    public OperatorSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? id : name;
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public OperatorSpec withParallelism(int newParallelism) {
        return new OperatorSpec(id, name, kind, newParallelism, maxParallelism, params);
    }

    public OperatorSpec withParams(Map<String, Object> newParams) {
        return new OperatorSpec(id, name, kind, parallelism, maxParallelism, newParams);
    }
}
