package org.checkpointlab.model.lesson;

import java.util.Objects;

/**
 * One step of a lesson: what it explains, what to look at, what to do, the part of the window it points at, the
 * event on which it is done, and whether the lesson then moves on by itself.
 *
 * @param id        name of the step within its lesson
 * @param title     short heading
 * @param text      what happens, what the concept is
 * @param look      what to look at, or {@code null}
 * @param action    what to do, or {@code null} when the step only asks to watch
 * @param highlight what it points at, or {@code null}
 * @param condition the event that ends the step
 * @param question  the question of a question step (its condition is {@link StepCondition.Answered}), or null
 * @param advance   what happens once the event was seen
 * @param line      the line of the lesson file the step starts on
 */
public record LessonStep(String id, LocalizedText title, LocalizedText text, LocalizedText look, LocalizedText action,
                         Highlight highlight, StepCondition condition, Question question, Advance advance, int line) {

    /** What a step does once its event was seen. */
    public enum Advance {
        /**
         * The lesson moves on at once: for a step whose event is the learner's own doing (Run, a failure they
         * injected, an answer), which they read before doing it.
         */
        ON_EVENT("on-event"),
        /**
         * The step is marked as seen and stays until the learner presses Next: for a step whose event the engine
         * makes on its own (a barrier, a completed checkpoint, a restore), which may come before the step is read.
         */
        ON_NEXT("on-next");

        private final String fileName;

        Advance(String fileName) {
            this.fileName = fileName;
        }

        /** The value in a lesson file. */
        public String fileName() {
            return fileName;
        }

        /** The default: on-event for a step that asks the learner to do something or answer, else on-next. */
        public static Advance defaultFor(LocalizedText action, Question question) {
            return action != null || question != null ? ON_EVENT : ON_NEXT;
        }
    }

    public LessonStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(advance, "advance");
    }
}
