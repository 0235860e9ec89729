package org.checkpointlab.views.lessons;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.lesson.Highlight;
import org.checkpointlab.model.lesson.Lesson;
import org.checkpointlab.model.lesson.LessonObservation;
import org.checkpointlab.model.lesson.LessonProgress;
import org.checkpointlab.model.lesson.LessonStep;
import org.checkpointlab.model.lesson.LocalizedText;
import org.checkpointlab.model.lesson.StepCondition;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.views.session.JobSession;

/**
 * The lesson panel's state and commands, without controls: the open lesson, its current step in the panel's
 * language (texts, what to look at and do, the highlighted part of the window, what it waits for), the question of a
 * question step, and Back / Next / Restart / answer. A step ends on its event, as {@link LessonProgress} paces it:
 * every snapshot the {@link JobSession} samples is turned into a {@link LessonObservation} (with the things the user
 * did that the window reports through {@link #userDid}), so conditions are decided on what the engine shows, never on
 * time. A step that waited for the learner's own doing then moves on; any other says what it saw and marks Next
 * ({@link #nextSuggestedProperty}). FX thread only.
 */
public final class LessonViewModel {
    private final JobSession session;
    private final LessonHost host;
    private final LessonTexts texts;
    private final Map<String, Integer> actions = new HashMap<>();
    private final java.util.List<org.checkpointlab.model.lesson.KeyFound> keysFound = new java.util.ArrayList<>();
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper stepIndex = new ReadOnlyIntegerWrapper(this, "stepIndex");
    private final ReadOnlyStringWrapper lessonTitle = new ReadOnlyStringWrapper(this, "lessonTitle", "");
    private final ReadOnlyStringWrapper counter = new ReadOnlyStringWrapper(this, "counter", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper look = new ReadOnlyStringWrapper(this, "look", "");
    private final ReadOnlyStringWrapper action = new ReadOnlyStringWrapper(this, "action", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper(this, "feedback", "");
    private final ReadOnlyBooleanWrapper answeredWrong = new ReadOnlyBooleanWrapper(this, "answeredWrong");
    private final ReadOnlyBooleanWrapper completed = new ReadOnlyBooleanWrapper(this, "completed");
    private final ReadOnlyBooleanWrapper canBack = new ReadOnlyBooleanWrapper(this, "canBack");
    private final ReadOnlyBooleanWrapper nextSuggested = new ReadOnlyBooleanWrapper(this, "nextSuggested");
    private final ReadOnlyObjectWrapper<Highlight> highlight = new ReadOnlyObjectWrapper<>(this, "highlight");
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private LessonProgress progress;
    private long jobSerial;
    private String lastDone = "";

    /**
     * @param session the job session whose samples the lesson watches
     * @param host    opens a lesson's pipeline in the window
     * @param texts   the panel's strings; lessons are shown in their locale
     */
    public LessonViewModel(JobSession session, LessonHost host, LessonTexts texts) {
        this.session = Objects.requireNonNull(session, "session");
        this.host = Objects.requireNonNull(host, "host");
        this.texts = Objects.requireNonNull(texts, "texts");
        session.jobProperty().addListener((obs, old, job) -> jobSerial++);
        session.onSample((snapshot, nowNanos) -> observe(snapshot));
    }

    public LessonTexts texts() {
        return texts;
    }

    /** The open lesson, or {@code null}. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepIndexProperty() {
        return stepIndex.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lessonTitleProperty() {
        return lessonTitle.getReadOnlyProperty();
    }

    /** "Step 2 of 7". */
    public ReadOnlyStringProperty counterProperty() {
        return counter.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** What to look at; empty when the step says nothing about it. */
    public ReadOnlyStringProperty lookProperty() {
        return look.getReadOnlyProperty();
    }

    /** What to do; empty when the step only asks to watch. */
    public ReadOnlyStringProperty actionProperty() {
        return action.getReadOnlyProperty();
    }

    /** What the step waits for, or that the previous step is done, or that the lesson is complete. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** After an answer: the explanation, or why to look again. */
    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty answeredWrongProperty() {
        return answeredWrong.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty completedProperty() {
        return completed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canBackProperty() {
        return canBack.getReadOnlyProperty();
    }

    /**
     * Whether Next is what the learner does now: the step's event was seen (or it is a reading step) and the step
     * stays until Next. The panel marks the button.
     */
    public ReadOnlyBooleanProperty nextSuggestedProperty() {
        return nextSuggested.getReadOnlyProperty();
    }

    /** The part of the window the step points at, or {@code null}. */
    public ReadOnlyObjectProperty<Highlight> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    /** The answers on offer in a question step; empty otherwise. */
    public ObservableList<String> choices() {
        return choices;
    }

    /** The current step, or {@code null} without a lesson. */
    public LessonStep step() {
        return progress == null ? null : progress.step();
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    /**
     * Opens {@code next}: its pipeline is shown with its settings and speed, and its first step begins.
     *
     * @return the problems that stopped it; empty when it opened
     */
    public List<String> open(Lesson next) {
        List<String> problems = host.openLesson(next, next.speed());
        if (!problems.isEmpty()) {
            return problems;
        }
        progress = new LessonProgress(next);
        lesson.set(next);
        lessonTitle.set(next.title().in(texts.locale()));
        lastDone = "";
        show();
        observe();
        return List.of();
    }

    /** Closes the panel; the job and the pipeline stay as they are. */
    public void close() {
        progress = null;
        lesson.set(null);
        highlight.set(null);
        choices.clear();
    }

    /** Next step (or completes the lesson on the last one) without waiting for the event. */
    public void next() {
        if (progress != null) {
            progress.next();
            lastDone = "";
            show();
        }
    }

    public void back() {
        if (progress != null) {
            progress.back();
            lastDone = "";
            show();
        }
    }

    /** Back to the first step; the pipeline is opened again so the lesson starts from a fresh job. */
    public void restart() {
        Lesson current = lesson.get();
        if (current != null) {
            open(current);
        }
    }

    /**
     * The learner picks answer {@code choice} of the step's question.
     *
     * @return whether it is the right one (then the step ends)
     */
    public boolean answer(int choice) {
        LessonStep step = step();
        if (step == null || step.question() == null || progress.completed()) {
            return false;
        }
        boolean right = choice == step.question().correct();
        if (right) {
            String explanation = step.question().explanation().in(texts.locale());
            userDid(StepCondition.Answered.ACTION);
            feedback.set(explanation);
            answeredWrong.set(false);
        } else {
            feedback.set(texts.get("panel.wrong"));
            answeredWrong.set(true);
        }
        return right;
    }

    /** The window reports something the user did ({@code tab:output}…); a step may wait for it. */
    public void userDid(String what) {
        actions.merge(what, 1, Integer::sum);
        observe();
    }

    /** The State view found a key; a step may wait for it ({@code key-found}). */
    public void keyFound(org.checkpointlab.model.lesson.KeyFound found) {
        keysFound.add(found);
        observe();
    }

    /** Takes what the job shows now; advances the step when its event happened. */
    public void observe() {
        observe(null);
    }

    /** As {@link #observe()}, with a snapshot of the session's job just taken (null: take one). */
    private void observe(JobSnapshot snapshot) {
        if (progress == null) {
            return;
        }
        JobClient job = session.job();
        LessonObservation now;
        try {
            now = snapshot == null || job == null ? LessonObservation.of(jobSerial, job, actions)
                    : LessonObservation.of(jobSerial, job, snapshot, actions);
            now = now.withKeysFound(keysFound);
        } catch (RuntimeException e) {
            return; // the engine could not assemble a snapshot while redeploying; the next sample will
        }
        LessonStep before = progress.step();
        boolean wasCompleted = progress.completed();
        if (progress.observe(now)) {
            boolean movedOn = progress.step() != before || progress.completed() != wasCompleted;
            lastDone = movedOn ? before.title().in(texts.locale()) : "";
            show();
        }
    }

    private void show() {
        LessonStep step = progress.step();
        int n = progress.lesson().steps().size();
        stepIndex.set(progress.stepIndex());
        counter.set(texts.get("panel.step", progress.stepIndex() + 1, n));
        title.set(step.title().in(texts.locale()));
        text.set(step.text().in(texts.locale()));
        look.set(in(step.look()));
        action.set(in(step.action()));
        highlight.set(step.highlight());
        canBack.set(progress.stepIndex() > 0 || progress.completed());
        completed.set(progress.completed());
        if (!progress.completed()) {
            feedback.set("");
            answeredWrong.set(false);
        }
        if (step.question() == null) {
            choices.clear();
        } else {
            choices.setAll(step.question().choices().stream().map(c -> c.in(texts.locale())).toList());
        }
        boolean reading = step.condition() instanceof StepCondition.Manual;
        nextSuggested.set(!progress.completed() && (reading || progress.seen()));
        status.set(progress.completed() ? texts.get("panel.complete") : status(step));
    }

    /**
     * The step done just before (when the lesson moved on by itself), then what this step waits for; or, once its
     * event was seen, what it saw and that Next goes on; a step the learner came back to says it stays.
     */
    private String status(LessonStep step) {
        List<String> lines = new java.util.ArrayList<>();
        if (!lastDone.isEmpty()) {
            lines.add(texts.get("panel.stepDone", lastDone));
        }
        if (progress.seen()) {
            lines.add(texts.get("panel.seen", texts.seen(step.condition(), progress.lesson().pipeline())));
            lines.add(texts.get(progress.reviewing() ? "panel.reviewing" : "panel.nextWhenReady"));
        } else {
            lines.add(texts.get("panel.waiting", texts.waitingFor(step.condition(), progress.lesson().pipeline())));
            if (progress.reviewing()) {
                lines.add(texts.get("panel.reviewing"));
            }
        }
        return String.join("\n", lines);
    }

    private String in(LocalizedText t) {
        return t == null ? "" : t.in(texts.locale());
    }
}
