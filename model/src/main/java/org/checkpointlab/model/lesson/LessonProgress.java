package org.checkpointlab.model.lesson;

import java.util.Objects;

/**
 * Where a learner is in a lesson. A step ends by itself when its condition is observed ({@link #observe}), or by
 * {@link #next()}; {@link #back()} and {@link #restart()} go back. Whatever the learner does in between (leave the
 * path, try other things) is only observed: the current step waits for its own event, counted from when it began.
 * Not thread-safe: one thread feeds it.
 */
public final class LessonProgress {
    private final Lesson lesson;
    private int index;
    private boolean completed;
    private StepCondition.Watch watch;
    private LessonObservation last;

    public LessonProgress(Lesson lesson) {
        this.lesson = Objects.requireNonNull(lesson, "lesson");
    }

    public Lesson lesson() {
        return lesson;
    }

    /** Index of the current step (the last one once completed). */
    public int stepIndex() {
        return index;
    }

    public LessonStep step() {
        return lesson.steps().get(index);
    }

    /** True once the last step's condition was met (or Next pressed on it). */
    public boolean completed() {
        return completed;
    }

    /**
     * Takes what the job and the user show now.
     *
     * @return whether the current step ended with it (the lesson moved on, or completed)
     */
    public boolean observe(LessonObservation now) {
        Objects.requireNonNull(now, "now");
        last = now;
        if (completed) {
            return false;
        }
        if (watch == null) {
            watch = step().condition().watchFrom(now);
            return false;
        }
        if (!watch.met(now)) {
            return false;
        }
        advance();
        return true;
    }

    /** Goes to the next step (or completes the lesson on the last one) without waiting for the event. */
    public void next() {
        if (!completed) {
            advance();
        }
    }

    /** Goes back one step; its event is watched again from now. */
    public void back() {
        if (completed) {
            completed = false;
        } else if (index > 0) {
            index--;
        }
        rewatch();
    }

    /** Back to the first step. */
    public void restart() {
        index = 0;
        completed = false;
        last = null;
        watch = null;
    }

    private void advance() {
        if (index == lesson.steps().size() - 1) {
            completed = true;
            watch = null;
            return;
        }
        index++;
        rewatch();
    }

    /** The current step watches from the latest observation (or from the next one, if none yet). */
    private void rewatch() {
        watch = last == null ? null : step().condition().watchFrom(last);
    }
}
