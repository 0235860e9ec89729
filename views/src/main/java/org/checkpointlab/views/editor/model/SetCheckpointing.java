package org.checkpointlab.views.editor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.pipeline.CheckpointOption;
import org.checkpointlab.model.pipeline.CheckpointingConfig;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.OptionTexts;

/**
 * Replaces the pipeline's {@code checkpointing} section (what Run uses and the file keeps) with the one for
 * {@code options}: only the values that differ from Flink's defaults are written. Refused when the options are
 * invalid as a whole (see {@link CheckpointOptions#problems()}).
 *
 * @param options     the checkpoint options the pipeline gets
 * @param description what the Edit menu shows, e.g. {@code "Set checkpoint interval 2s"} (see {@link #of})
 */
public record SetCheckpointing(CheckpointOptions options, String description) implements EditCommand {
    public SetCheckpointing {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(description, "description");
    }

    /**
     * The edit from {@code before} to {@code after}, named after what changed: one option ("Set checkpoint interval
     * 2s"), a few ("Set checkpoint interval 2s, checkpointing mode at-least-once"), or more ("Set 5 checkpoint
     * settings").
     */
    public static SetCheckpointing of(CheckpointOptions before, CheckpointOptions after) {
        List<String> changed = new ArrayList<>();
        for (CheckpointOption<?> option : CheckpointOption.ALL) {
            if (!option.text(before).equals(option.text(after))) {
                changed.add(lowerFirst(option.label()) + " " + option.text(after));
            }
        }
        String description = switch (changed.size()) {
            case 0 -> Texts.get("edit.checkpointing.none");
            case 1, 2 -> Texts.format("edit.checkpointing.few", String.join(", ", changed));
            default -> Texts.format("edit.checkpointing.many", changed.size());
        };
        return new SetCheckpointing(after, description);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public EditablePipeline apply(EditablePipeline pipeline) {
        List<String> problems = org.checkpointlab.views.session.Problems.ofOptions(options);
        if (!problems.isEmpty()) {
            throw new EditRefused(Texts.format("edit.checkpointing.cannot", String.join("; ", problems)));
        }
        PipelineSpec s = pipeline.spec();
        try {
            if (s.checkpointing().options().equals(options)) {
                return pipeline; // same options, perhaps written differently in the file: nothing to record
            }
        } catch (IllegalArgumentException e) {
            // the file's section is invalid: replacing it is the fix
        }
        return pipeline.withSpec(s.withCheckpointing(CheckpointingConfig.of(options)));
    }
}
