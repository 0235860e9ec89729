package org.checkpointlab.views.lessons;

import java.util.List;
import org.checkpointlab.model.lesson.Lesson;

/** What a lesson needs from the window: its pipeline opened with its settings, at its speed. */
@FunctionalInterface
public interface LessonHost {
    /**
     * Opens the lesson's pipeline in the window, ready to run at {@code speed}.
     *
     * @return the problems that stopped it (the user cancelled, the pipeline cannot be shown); empty when opened
     */
    List<String> openLesson(Lesson lesson, double speed);
}
