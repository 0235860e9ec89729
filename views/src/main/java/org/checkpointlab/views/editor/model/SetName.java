package org.checkpointlab.views.editor.model;

import java.util.Objects;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.views.i18n.Texts;

/** Changes the name shown on an operator's card (not its id); refused when blank. */
public record SetName(String operatorId, String name) implements EditCommand {
    public SetName {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        String action = Texts.format("edit.name.cannot", operatorId, name);
        pipeline.requireOperator(operatorId, action);
        if (name.isBlank()) {
            throw EditRefused.because(action, Texts.get("edit.name.blank"));
        }
        return pipeline.withOperator(operatorId, o -> new OperatorSpec(o.id(), name, o.kind(), o.parallelism(),
                o.maxParallelism(), o.params()));
    }

    @Override
    public String description() {
        return Texts.format("edit.name", operatorId, name);
    }
}
