package org.checkpointlab.views.editor.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.ParamSpec;

/**
 * Sets one parameter of an operator, checked by its kind's {@link ParamSpec#problem(Object)} and stored as the
 * parameter's Java type ({@link ParamSpec#coerce(Object)}, e.g. an {@code Integer} 5 becomes {@code 5L}).
 * A {@code null} value removes the parameter so its default applies again (refused for required parameters).
 */
public record SetParam(String operatorId, String param, Object value) implements EditCommand {
    public SetParam {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(param, "param");
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        String action = "Cannot set " + param + " of " + operatorId;
        var op = pipeline.requireOperator(operatorId, action);
        OperatorKind kind = OperatorKind.byJsonName(op.kind()).orElseThrow(() -> new EditRefused(
                action + ": its kind '" + op.kind() + "' is unknown"));
        ParamSpec spec = kind.param(param).orElseThrow(() -> new EditRefused(action + ": " + kind.jsonName()
                + (kind.params().isEmpty() ? " takes no parameters" : " has no parameter '" + param
                + "' (parameters: " + kind.paramNames() + ")")));
        Map<String, Object> params = new LinkedHashMap<>(op.params());
        if (value == null) {
            if (spec.required()) {
                throw new EditRefused(action + ": it is required (" + spec.description() + ")");
            }
            params.remove(param);
        } else {
            spec.problem(value).ifPresent(p -> {
                throw new EditRefused(action + ": it " + p);
            });
            params.put(param, spec.coerce(value));
        }
        return pipeline.withOperator(operatorId, o -> o.withParams(params));
    }

    @Override
    public String description() {
        return value == null ? "Reset " + param + " of " + operatorId + " to default"
                : "Set " + param + " of " + operatorId + " to " + value;
    }
}
