package org.checkpointlab.views;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.scene.Parent;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.views.editor.EditorViewModel;
import org.checkpointlab.views.editor.RecentFiles;
import org.checkpointlab.views.graph.PipelineGraphView;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.testfx.api.FxRobot;

/**
 * The main window as the UI tests open it (a {@link TestWindow}): before each test it loads a fresh window and shows
 * it, 1200 pixels wide; after each test it stops the window's frame loop and closes the job still open.
 */
public final class MainWindow extends TestWindow {
    /** The repository's samples folder, seen from the views module. */
    public static final Path SAMPLES = Path.of("..", "samples");

    private final Supplier<MainViewModel> viewModels;
    private final Opening opening;
    private MainViewModel viewModel;
    private MainView view;

    private MainWindow(Supplier<MainViewModel> viewModels, Opening opening, double height) {
        super(1200, height);
        this.viewModels = viewModels;
        this.opening = opening;
    }

    /** The window as the app opens it without arguments: the samples listed and the first one open; 800 high. */
    public static MainWindow withSamples() {
        return new MainWindow(() -> new MainViewModel(PipelineLoader.validating(), new SampleCatalog(SAMPLES),
                new PipelineGraphViewModel()), viewModel -> viewModel.openAtStart(List.of()), 800);
    }

    /**
     * An empty canvas to edit on, 800 high: no pipeline file can be opened, and samples are looked for (and not
     * found) in the folder {@code noSamples} names.
     */
    public static MainWindow emptyCanvas(Supplier<Path> noSamples) {
        return new MainWindow(() -> new MainViewModel(file -> {
            throw new PipelineException(List.of("no files in this test"));
        }, new SampleCatalog(noSamples.get()), new PipelineGraphViewModel()), viewModel -> { }, 800);
    }

    /**
     * The pipeline {@code pipeline} names open, 780 high, to run on the local engine as the app runs it but with
     * the engine's work on the calling thread, and savepoints under target/{@code savepoints}; {@code tuning} sets
     * the live view model up before the window is built.
     */
    public static MainWindow onLocalEngine(String savepoints, Supplier<Path> pipeline,
                                           Consumer<LiveJobViewModel> tuning) {
        return new MainWindow(() -> {
            LiveJobViewModel live = new LiveJobViewModel(new JobSession(JobLauncher.local(), TaskRunner.sameThread(),
                    Path.of("target", savepoints)), LiveJobViewModel.WATCHABLE_BUFFERS, System::currentTimeMillis);
            tuning.accept(live);
            return new MainViewModel(PipelineLoader.validating(), new SampleCatalog(SAMPLES),
                    new PipelineGraphViewModel(), live);
        }, viewModel -> viewModel.open(pipeline.get()), 780);
    }

    /**
     * The window on the fake {@code engine}, 780 high: the jobs' work on the calling thread, savepoints in
     * {@code dir}/sp, no samples (looked for in {@code dir}/no-samples), time from {@code wallClock}, recent files in
     * memory; {@code opening} opens what the test starts from.
     */
    public static MainWindow onFakeEngine(JobLauncher engine, Supplier<Path> dir, LongSupplier wallClock,
                                          Opening opening) {
        return new MainWindow(() -> new MainViewModel(PipelineLoader.validating(),
                new SampleCatalog(dir.get().resolve("no-samples")), new PipelineGraphViewModel(),
                new LiveJobViewModel(new JobSession(engine, TaskRunner.sameThread(), dir.get().resolve("sp")),
                        RuntimeOptions.defaults(), wallClock), RecentFiles.inMemory()), opening, 780);
    }

    /** What a test opens in a fresh window before it is shown. */
    @FunctionalInterface
    public interface Opening {
        void open(MainViewModel viewModel) throws Exception;
    }

    @Override
    protected Parent content() throws Exception {
        viewModel = viewModels.get();
        view = MainView.load(viewModel);
        opening.open(viewModel);
        return view.root();
    }

    @Override
    protected void close() {
        new FxRobot().interact(view::shutdown);
        closeOpenJob(viewModel.session());
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public MainView view() {
        return view;
    }

    /** The editor's view model. */
    public EditorViewModel editor() {
        return view.editorView().viewModel();
    }

    /** The canvas the pipeline's graph is drawn on. */
    public PipelineGraphView graphView() {
        return view.graphView();
    }
}
