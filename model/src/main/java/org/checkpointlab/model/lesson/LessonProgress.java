package org.checkpointlab.model.lesson;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where a learner is in a lesson, and how it moves on. Each step watches for its event from when it began
 * ({@link #observe}); once the job shows it the step is <em>seen</em>. Then a step that waited for the learner's own
 * doing ({@link LessonStep.Advance#ON_EVENT}) moves on at once, and any other stays, marked as seen, until the learner
 * presses {@link #next()}: an event the engine makes on its own may come before the step was read.
 *
 * <p>A step never moves on by itself when the learner went {@link #back()} to it (they are reviewing it: it stays
 * until Next), nor when its condition already held as the step began (a mode already chosen, a channel already
 * blocked): it is seen, and waits for Next. Whatever the learner does in between (leave the path, try other
 * things) is only observed. Not thread-safe: one thread feeds it.
 */
public final class LessonProgress {
    private final Lesson lesson;
    private final boolean[] seen;
    private int index;
    /** The furthest step reached; a step before it is being reviewed. */
    private int furthest;
    private boolean completed;
    private StepCondition.Watch watch;
    /** False once the current step's event was seen on this visit: nothing more to watch. */
    private boolean watching = true;
    private LessonObservation last;

    public LessonProgress(Lesson lesson) {
        this.lesson = Objects.requireNonNull(lesson, "lesson");
        this.seen = new boolean[lesson.steps().size()];
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

    /** Whether the current step's event happened, on this visit or an earlier one. */
    public boolean seen() {
        return seen[index];
    }

    /** Whether the learner went back to the current step: it stays until Next, whatever happens. */
    public boolean reviewing() {
        return index < furthest;
    }

    /**
     * Takes what the job and the user show now.
     *
     * @return whether what the panel shows changed: the step was seen, or the lesson moved on (or completed)
     */
    public boolean observe(LessonObservation now) {
        Objects.requireNonNull(now, "now");
        last = now;
        if (completed || !watching) {
            return false;
        }
        if (watch == null) {
            return startWatch(now);
        }
        if (!watch.met(now)) {
            return false;
        }
        if (step().advance() == LessonStep.Advance.ON_EVENT && !reviewing()) {
            seen[index] = true;
            advance();
            return true;
        }
        return markSeen();
    }

    /** Goes to the next step (or completes the lesson on the last one) without waiting for the event. */
    public void next() {
        if (!completed) {
            advance();
        }
    }

    /** Goes back one step, to review it: its event is watched again from now, but it stays until Next. */
    public void back() {
        if (completed) {
            completed = false;
        } else if (index > 0) {
            index--;
        }
        rewatch();
    }

    /** Back to the first step, as if the lesson were opened afresh. */
    public void restart() {
        index = 0;
        furthest = 0;
        completed = false;
        Arrays.fill(seen, false);
        last = null;
        watch = null;
        watching = true;
    }

    private void advance() {
        if (index == lesson.steps().size() - 1) {
            completed = true;
            watch = null;
            watching = false;
            return;
        }
        index++;
        furthest = Math.max(furthest, index);
        rewatch();
    }

    /** The current step watches from the latest observation (or from the next one, if none yet). */
    private void rewatch() {
        watch = null;
        watching = true;
        if (last != null) {
            startWatch(last);
        }
    }

    /**
     * Starts watching the current step from {@code baseline}. A condition that already holds there (a mode chosen
     * before, a channel blocked as the step begins) did not happen during the step: the step is seen, and stays
     * until Next.
     */
    private boolean startWatch(LessonObservation baseline) {
        watch = step().condition().watchFrom(baseline);
        return watch.met(baseline) && markSeen();
    }

    /** The step's event happened; it stays until Next. @return whether it was not seen before */
    private boolean markSeen() {
        boolean before = seen[index];
        seen[index] = true;
        watching = false;
        return !before;
    }
}
