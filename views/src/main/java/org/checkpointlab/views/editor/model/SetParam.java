package org.checkpointlab.views.editor.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.ParamSpec;
import org.checkpointlab.views.i18n.Texts;

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
        String action = Texts.format("edit.param.cannot", param, operatorId);
        var op = pipeline.requireOperator(operatorId, action);
        OperatorKind kind = OperatorKind.byJsonName(op.kind()).orElseThrow(() ->
                EditRefused.because(action, Texts.format("edit.param.unknownKind", op.kind())));
        ParamSpec spec = kind.param(param).orElseThrow(() -> EditRefused.because(action, kind.params().isEmpty()
                ? Texts.format("edit.param.none", kind.jsonName())
                : Texts.format("edit.param.unknown", kind.jsonName(), param, kind.paramNames())));
        Map<String, Object> params = new LinkedHashMap<>(op.params());
        if (value == null) {
            if (spec.required()) {
                throw EditRefused.because(action, Texts.format("edit.param.required", spec.description()));
            }
            params.remove(param);
        } else {
            spec.problem(value).ifPresent(p -> {
                throw EditRefused.because(action, Texts.format("edit.param.problem", p));
            });
            params.put(param, spec.coerce(value));
        }
        return pipeline.withOperator(operatorId, o -> o.withParams(params));
    }

    @Override
    public String description() {
        return value == null ? Texts.format("edit.param.reset", param, operatorId)
                : Texts.format("edit.param", param, operatorId, value);
    }
}
