package org.checkpointlab.views.panels;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.TabPane;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.TestWindow;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The job panels alone in a window 1200 pixels wide (a {@link TestWindow}), on the local engine with savepoints under
 * target/test-savepoints: before each test it builds the panels on a fresh session and shows them; after each test
 * it stops their feed and closes the job still open.
 */
public final class PanelsWindow extends TestWindow {
    private final TaskRunner runner;
    private final Callable<PipelineSpec> pipeline;
    private final boolean open;
    private JobSession session;
    private JobPanels panels;
    private TabPane tabs;
    private Timeline feed;

    private PanelsWindow(TaskRunner runner, Callable<PipelineSpec> pipeline, boolean open, double height) {
        super(1200, height);
        this.runner = runner;
        this.pipeline = pipeline;
        this.open = open;
    }

    /** The panels with {@code pipeline} open: what Run starts; the engine's work runs on {@code runner}. */
    public static PanelsWindow withPipelineOpen(TaskRunner runner, Callable<PipelineSpec> pipeline, double height) {
        return new PanelsWindow(runner, pipeline, true, height);
    }

    /** The panels with {@code pipeline} in the editor but no pipeline open: the test starts its own jobs. */
    public static PanelsWindow withNothingOpen(TaskRunner runner, Callable<PipelineSpec> pipeline, double height) {
        return new PanelsWindow(runner, pipeline, false, height);
    }

    @Override
    protected Parent content() throws Exception {
        PipelineSpec spec = pipeline.call();
        session = new JobSession(JobLauncher.local(), runner, Path.of("target", "test-savepoints"));
        panels = new JobPanels(session, () -> open ? spec : null,
                new CommandStack(EditablePipeline.of(spec, Map.of())));
        // In the app the live view's frame loop samples the job; here the panels stand alone: 4 samples a second.
        feed = new Timeline(new KeyFrame(javafx.util.Duration.millis(250),
                e -> session.sample(System.nanoTime(), false)));
        feed.setCycleCount(Animation.INDEFINITE);
        feed.play();
        tabs = new TabPane();
        panels.install(tabs, new Menu("Job"));
        return tabs;
    }

    @Override
    protected void close() {
        new FxRobot().interact(feed::stop);
        closeOpenJob(session);
    }

    public JobSession session() {
        return session;
    }

    public JobPanels panels() {
        return panels;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Waits up to {@code seconds} for {@code condition}; a timeout says what it waited for. */
    public static void await(String what, int seconds, BooleanSupplier condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("waited " + seconds + " s for " + what);
        }
    }
}
