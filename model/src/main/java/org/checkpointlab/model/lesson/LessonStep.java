package org.checkpointlab.model.lesson;

import java.util.Objects;

/**
 * One step of a lesson: what it explains, what to look at, what to do, the part of the window it points at, and
 * the event on which it is done.
 *
 * @param id        name of the step within its lesson
 * @param title     short heading
 * @param text      what happens, what the concept is
 * @param look      what to look at, or {@code null}
 * @param action    what to do, or {@code null} when the step only asks to watch
 * @param highlight what it points at, or {@code null}
 * @param condition the event that ends the step
 * @param question  the question of a question step (its condition is {@link StepCondition.Answered}), or null
 * @param line      the line of the lesson file the step starts on
 */
public record LessonStep(String id, LocalizedText title, LocalizedText text, LocalizedText look, LocalizedText action,
                         Highlight highlight, StepCondition condition, Question question, int line) {
    public LessonStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(condition, "condition");
    }
}
