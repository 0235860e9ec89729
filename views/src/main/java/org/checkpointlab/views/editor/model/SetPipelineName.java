package org.checkpointlab.views.editor.model;

import java.util.Objects;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.i18n.Texts;

/** Changes the pipeline's own name (the file's {@code name}, shown in the title and the status line); refused when blank. */
public record SetPipelineName(String name) implements EditCommand {
    public SetPipelineName {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        if (name.isBlank()) {
            throw new EditRefused(Texts.format("edit.pipelineName.blank", name));
        }
        PipelineSpec s = pipeline.spec();
        if (name.equals(s.name())) {
            return pipeline;
        }
        return pipeline.withSpec(new PipelineSpec(s.format(), name, s.operators(), s.edges(), s.checkpointing(),
                s.chaining()));
    }

    @Override
    public String description() {
        return Texts.format("edit.pipelineName", name);
    }
}
