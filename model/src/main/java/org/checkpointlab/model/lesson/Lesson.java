package org.checkpointlab.model.lesson;

import java.util.List;
import java.util.Objects;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * A lesson, as read from its file: the pipeline it runs (with the lesson's checkpoint settings in its
 * checkpointing section), the speed it runs at for people to watch, and its steps.
 *
 * @param id       the lesson's name ({@code gui --lesson NAME}); its file name without extension
 * @param title    shown in Help &gt; Lessons and on the panel
 * @param summary  one or two sentences on what it teaches
 * @param pipeline the pipeline to open and run
 * @param speed    slow motion, 0.001 (human speed) to 1 (full speed)
 * @param steps    the steps, in order
 */
public record Lesson(String id, LocalizedText title, LocalizedText summary, PipelineSpec pipeline, double speed,
                     List<LessonStep> steps) {
    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(pipeline, "pipeline");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a lesson needs at least one step");
        }
    }
}
