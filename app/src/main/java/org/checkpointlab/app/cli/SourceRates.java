package org.checkpointlab.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * {@code --rate}: the sources' {@code ratePerSecond} set from the command line, and a warning when a bounded run
 * ({@code --records N}) would take long because its sources are rate limited (the samples run at a rate a person
 * can follow).
 */
final class SourceRates {
    static final String RATE_PARAM = "ratePerSecond";
    private static final String COUNT_PARAM = "count";
    /** A bounded run expected to last longer than this gets a warning. */
    private static final long WARN_AFTER_SECONDS = 60;

    private SourceRates() {
    }

    /** {@code pipeline} with every source that has a rate parameter at {@code rate}; unchanged when null. */
    static PipelineSpec withRate(PipelineSpec pipeline, Long rate) {
        if (rate == null) {
            return pipeline;
        }
        List<OperatorSpec> operators = pipeline.operators().stream().map(o -> {
            if (kindOf(o).flatMap(k -> k.param(RATE_PARAM)).isEmpty()) {
                return o;
            }
            Map<String, Object> params = new LinkedHashMap<>(o.params());
            params.put(RATE_PARAM, rate);
            return o.withParams(params);
        }).toList();
        return pipeline.withOperators(operators);
    }

    /**
     * A warning when {@code --records N} (N > 0) at the sources' rate limits would take more than a minute, naming
     * the slowest source and {@code --rate 0}; empty otherwise.
     */
    static Optional<String> boundedRunWarning(PipelineSpec pipeline, Long records) {
        if (records == null || records <= 0) {
            return Optional.empty();
        }
        for (OperatorSpec o : pipeline.operators()) {
            Optional<OperatorKind> kind = kindOf(o).filter(k -> k.param(RATE_PARAM).isPresent()
                    && k.param(COUNT_PARAM).isPresent());
            if (kind.isEmpty()) {
                continue;
            }
            long rate = kind.get().paramsOf(o).getLong(RATE_PARAM);
            if (rate > 0) {
                long seconds = records / (rate * o.parallelism());
                if (seconds > WARN_AFTER_SECONDS) {
                    return Optional.of("warning: source '" + o.id() + "' emits " + rate + " records/s per subtask, "
                            + "so --records " + records + " takes about " + seconds + " s; add --rate 0 to run "
                            + "it as fast as possible");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<OperatorKind> kindOf(OperatorSpec o) {
        return OperatorKind.byJsonName(o.kind());
    }
}
