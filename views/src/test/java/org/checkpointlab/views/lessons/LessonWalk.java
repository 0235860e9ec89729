package org.checkpointlab.views.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.lesson.LessonStep;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.views.MainView;
import org.checkpointlab.views.MainViewModel;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.views.SampleCatalog;
import org.checkpointlab.views.editor.RecentFiles;
import org.checkpointlab.views.editor.UnsavedChangesPrompt;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.checkpointlab.views.settings.SettingsViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks a lesson in the main window as the app wires it (the repository's samples and lessons, a real engine, the
 * live view's frame loop feeding the lesson): opens it, runs it at full speed, and for each step checks that it
 * waits for its event and advances once the engine shows it. Engine commands that block (savepoints, redeploys, the
 * Output view's delivery check) run in the background as in the app.
 */
final class LessonWalk {
    static final Path SAMPLES = Path.of("..", "samples");
    private static final long TIMEOUT_SECONDS = 120;

    final FxRobot robot;
    final JobSession session;
    final MainViewModel main;
    final MainView view;

    LessonWalk(FxRobot robot, Stage stage, Path savepoints) {
        this.robot = robot;
        session = new JobSession(JobLauncher.local(), TaskRunner.background(), savepoints);
        // The window's buffers, with subtasks at normal priority: on a loaded test machine the lowest priority
        // starves them.
        LiveJobViewModel live = new LiveJobViewModel(session,
                LiveJobViewModel.WATCHABLE_BUFFERS.withLowPrioritySubtasks(false), System::currentTimeMillis);
        main = new MainViewModel(PipelineLoader.validating(), new SampleCatalog(SAMPLES), new PipelineGraphViewModel(), live,
                RecentFiles.inMemory());
        view = MainView.load(main);
        // No modal dialog in tests: this window stays on the shared primary stage after the test, and its close
        // guard must never block a later test's close request (lessons leave edits: a barrier mode, a rescale).
        main.useDialogs((name, action) -> UnsavedChangesPrompt.Choice.DISCARD, (name, directory) ->
                java.util.Optional.empty());
        main.useStopPrompt((job, action) -> true);
        stage.setScene(new Scene(view.root(), 1200, 780));
        stage.show();
    }

    LessonViewModel lesson() {
        return view.lessons().viewModel();
    }

    /** Opens the lesson as Help > Lessons does, then lets it run at full speed (the lesson's own is for people). */
    void open(String name) {
        List<String> problems = call(() -> view.lessons().open(name));
        assertThat(problems).as("problems opening " + name).isEmpty();
        assertThat(call(() -> ((javafx.scene.layout.BorderPane) view.graphView().getParent().getParent()).getRight())).as("the panel is beside the graph").isSameAs(view.lessons().view().root());
        robot.interact(() -> main.live().speedProperty().set(1.0));
    }

    /** The lesson's "run" step: the user presses Run. */
    void run() throws TimeoutException {
        step("run", () -> main.run());
    }

    /** The Settings tab's view model, as the lessons' settings steps use it. */
    SettingsViewModel settings() {
        return view.jobPanels().settings();
    }

    String stepId() {
        return call(() -> lesson().step().id());
    }

    /**
     * Step {@code id} on its event. With an {@code action} (the user's part) the lesson must be waiting at the step;
     * the action makes the event happen. Without one the engine makes it happen on its own. A step that moves on by
     * itself ({@code on-event}) must then end (it may already have, by the time the test looks); a step that waits
     * for Next ({@code on-next}) must show that it saw the event, stay through further frames, and end when the
     * panel's Next is clicked.
     */
    void step(String id, Runnable action) throws TimeoutException {
        int index = call(() -> indexOf(id));
        int now = call(() -> lesson().stepIndexProperty().get());
        assertThat(now).as("the lesson is at or past step '" + id + "', not before it").isGreaterThanOrEqualTo(index);
        if (action != null) {
            assertThat(stepId()).as("a step that waits for the user").isEqualTo(id);
            robot.interact(action);
        }
        if (call(() -> lesson().lessonProperty().get().steps().get(index).advance()) == LessonStep.Advance.ON_EVENT) {
            await("step '" + id + "' to end on its event", () -> call(() -> past(index)));
            return;
        }
        assertThat(stepId()).as("an on-next step waits for Next").isEqualTo(id);
        await("step '" + id + "' to see its event", () -> call(() -> lesson().nextSuggestedProperty().get()));
        staysUntilNext(id);
        robot.clickOn("#lesson-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(call(() -> past(index))).as("Next ends step '" + id + "'").isTrue();
    }

    /** The step, its event seen, stays (marked as seen) through frames the window samples meanwhile. */
    void staysUntilNext(String id) {
        for (int i = 0; i < 5; i++) {
            robot.interact(session::refresh);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(stepId()).as("step '" + id + "' stays until Next").isEqualTo(id);
        assertThat(call(() -> lesson().statusProperty().get())).as("the panel says what it saw").contains("\u2713");
    }

    private boolean past(int index) {
        return lesson().stepIndexProperty().get() > index || lesson().completedProperty().get();
    }

    private int indexOf(String id) {
        var steps = lesson().lessonProperty().get().steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("the lesson has no step " + id);
    }

    void await(String what, BooleanSupplier condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("waited " + TIMEOUT_SECONDS + " s for " + what + "; the lesson is at step '"
                    + stepId() + "', status: " + call(() -> lesson().statusProperty().get()) + "; the window said: "
                    + call(() -> main.live().announcementProperty().get()) + "; the job's options: "
                    + (job() == null ? "no job" : job().checkpointOptions()));
        }
    }

    JobClient job() {
        return call(session::job);
    }

    JobSnapshot snapshot() {
        return job().snapshot();
    }

    long completedCheckpoints() {
        return snapshot().checkpoints().stream().filter(c -> !c.savepoint())
                .filter(c -> c.status() == CheckpointStatus.COMPLETED).count();
    }

    CheckpointStats lastCompleted() {
        List<CheckpointStats> done = snapshot().checkpoints().stream().filter(c -> !c.savepoint())
                .filter(c -> c.status() == CheckpointStatus.COMPLETED).toList();
        return done.get(done.size() - 1);
    }

    /**
     * Opens a State view as the Job menu does ({@code open} returns its window) and waits until it shows state: a
     * savepoint's is read at once, the running job's latest checkpoint in the background.
     */
    Stage openStateView(java.util.function.Supplier<Stage> open) throws TimeoutException {
        Stage[] stage = {null};
        robot.interact(() -> stage[0] = open.get());
        await("the State view to show state", () -> call(() -> !((javafx.scene.control.TableView<?>) stage[0]
                .getScene().lookup("#operatorTable")).getItems().isEmpty()));
        return stage[0];
    }

    /** Types {@code key} into the State view's search and presses Find, as a learner does. */
    static void search(Stage stateView, String key) {
        ((javafx.scene.control.TextField) stateView.getScene().lookup("#keyField")).setText(key);
        ((javafx.scene.control.Button) stateView.getScene().lookup("#findButton")).fire();
    }

    /** A step that waits for the user holds while the engine goes on: it is still there after a checkpoint. */
    void holdsThroughACheckpoint(String id) throws TimeoutException {
        long before = completedCheckpoints();
        await("a checkpoint while the lesson waits at '" + id + "'", () -> completedCheckpoints() > before);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stepId()).as("the step waits for its own event").isEqualTo(id);
    }

    /** Answers the closing question: a wrong choice keeps the step, the right one completes the lesson. */
    void answer(int wrongChoice, int rightChoice) {
        // The answers sit under the step's text: scroll them into view as a learner would.
        robot.interact(() -> robot.lookup(".lesson-scroll").queryAllAs(javafx.scene.control.ScrollPane.class)
                .forEach(p -> p.setVvalue(1.0)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#lesson-choice-" + wrongChoice);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(call(() -> lesson().completedProperty().get())).isFalse();
        assertThat(call(() -> lesson().answeredWrongProperty().get())).isTrue();
        robot.clickOn("#lesson-choice-" + rightChoice);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(call(() -> lesson().completedProperty().get())).as("the right answer completes the lesson")
                .isTrue();
        assertThat(call(() -> lesson().feedbackProperty().get())).isNotBlank();
    }

    void close() {
        robot.interact(view::shutdown);
        JobClient job = session.job();
        if (job != null) {
            job.close();
        }
    }

    static <T> T call(java.util.concurrent.Callable<T> onFx) {
        try {
            return WaitForAsyncUtils.asyncFx(onFx).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
