package org.checkpointlab.model.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;

/**
 * The pipeline a job runs, with the config's overrides applied and checked: parallelism per operator, the sources'
 * record count; plus each operator's resolved parameters and which operators are keyed.
 */
record JobSetup(PipelineSpec pipeline, Map<String, Map<String, Object>> resolvedParams, Set<String> keyedOperators) {

    Map<String, Object> params(OperatorSpec op) {
        return resolvedParams.get(op.id());
    }

    static JobSetup of(JobConfig config) throws PipelineException {
        return of(config, p -> p, p -> List.of());
    }

    /**
     * As {@link #of(JobConfig)}, with {@code adjust} applied after the overrides (e.g. the saved max parallelism)
     * and {@code check}'s problems (e.g. savepoint compatibility) reported before the pipeline's own validation.
     */
    static JobSetup of(JobConfig config, java.util.function.UnaryOperator<PipelineSpec> adjust,
                       java.util.function.Function<PipelineSpec, List<org.checkpointlab.model.pipeline.ValidationProblem>>
                               check) throws PipelineException {
        PipelineSpec p = config.pipeline();
        List<String> problems = new ArrayList<>();
        for (String id : config.parallelism().keySet()) {
            if (p.operator(id).isEmpty()) {
                problems.add("--parallelism names operator '" + id + "', which is not in the pipeline");
            }
        }
        List<OperatorSpec> ops = new ArrayList<>();
        for (OperatorSpec op : p.operators()) {
            OperatorSpec o = op;
            Integer par = config.parallelism().get(op.id());
            if (par != null) {
                o = o.withParallelism(par);
            }
            if (config.records() != null && isSource(o)) {
                Map<String, Object> params = new HashMap<>(o.params());
                params.put("count", config.records());
                o = o.withParams(params);
            }
            ops.add(o);
        }
        if (!problems.isEmpty()) {
            throw new PipelineException(problems);
        }
        PipelineSpec applied = adjust.apply(p.withOperators(ops));
        List<org.checkpointlab.model.pipeline.ValidationProblem> checked = check.apply(applied);
        if (!checked.isEmpty()) {
            throw PipelineException.of(checked);
        }
        PipelineValidator.validate(applied);
        Map<String, Map<String, Object>> params = new HashMap<>();
        Set<String> keyed = new java.util.HashSet<>();
        for (OperatorSpec op : applied.operators()) {
            OperatorKind kind = OperatorKind.byJsonName(op.kind()).orElseThrow();
            params.put(op.id(), kind.resolvedParams(op));
            if (kind.keyed()) {
                keyed.add(op.id());
            }
        }
        return new JobSetup(applied, params, keyed);
    }

    private static boolean isSource(OperatorSpec op) {
        return OperatorKind.byJsonName(op.kind()).map(k -> k.role() == OperatorKind.Role.SOURCE).orElse(false);
    }
}
