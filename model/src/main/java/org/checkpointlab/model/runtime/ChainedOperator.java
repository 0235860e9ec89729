package org.checkpointlab.model.runtime;

import java.util.Map;

import org.checkpointlab.model.pipeline.OperatorSpec;

/**
 * One operator of a task's chain, as deployed.
 *
 * @param spec           the operator as in the pipeline (after overrides)
 * @param params         parameters with defaults filled in
 * @param maxParallelism its max parallelism (number of key groups)
 * @param keyed          whether it has keyed state (its input is hash-partitioned)
 */
public record ChainedOperator(OperatorSpec spec, Map<String, Object> params, int maxParallelism, boolean keyed) {
    public String id() {
        return spec.id();
    }
}
