package org.checkpointlab.app;

import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.checkpointlab.flink.rest.FlinkClusterConnector;
import org.checkpointlab.flink.rest.RestJobClient;
import org.checkpointlab.flink.submit.WebSubmissionConnector;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.flink.embedded.EmbeddedClusterConnector;
import org.checkpointlab.flink.embedded.EmbeddedFlinkEngine;
import org.checkpointlab.model.client.EngineSelection;
import org.checkpointlab.model.client.JobEngine;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.views.MainView;
import org.checkpointlab.views.MainViewModel;
import org.checkpointlab.views.SampleCatalog;
import org.checkpointlab.views.editor.RecentFiles;
import org.checkpointlab.views.i18n.LanguagePreference;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.engine.EngineChoiceView;
import org.checkpointlab.views.engine.EngineChoiceViewModel;
import org.checkpointlab.views.flink.RememberedUrls;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;

/**
 * The JavaFX application: wires the main window's view model to real pipeline files, the samples folder and the
 * engine, shows the window, opens the pipeline named by the arguments (or the word-count sample) and applies
 * {@link LaunchOptions}: {@code --run} starts the job, {@code --exit-after} closes the app after a while and
 * {@code --frame-report} prints frame-time percentiles and the engine's throughput on stdout when it closes.
 */
public final class CheckpointLabApp extends Application {
    static final double WIDTH = 1580;
    static final double HEIGHT = 960;

    private MainView view;
    private final EmbeddedFlinkEngine embeddedFlink = new EmbeddedFlinkEngine();
    private final EngineSelection engines = new EngineSelection(List.of(JobEngine.local(), embeddedFlink));
    private LaunchOptions options;
    private boolean reported;
    private String uiCode = "";

    /** Before any window: keeps C2 off the UI code, and notes whether its thresholds are lowered. */
    @Override
    public void init() {
        uiCode = UiCodeCompilation.apply() + "\n" + UiCodeCompilation.thresholds();
    }

    @Override
    public void start(Stage stage) {
        try {
            options = LaunchOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            Platform.exit();
            return;
        }
        LanguagePreference language = new LanguagePreference(LanguagePreference.defaultStore());
        Texts.use(language.languageFor(Locale.getDefault()).locale());
        Locale.setDefault(Texts.locale()); // JavaFX's own dialog buttons in the same language
        // The composition root: jobs run on the engine the user chooses (this process's, or Flink embedded), behind
        // the job-client boundary.
        JobSession session = JobSession.forApp(engines);
        view = window(engines, session, SampleCatalog.fromSystemProperties(),
                RecentFiles.load(RecentFiles.defaultStore()));
        MainViewModel viewModel = view.viewModel();
        LanguageRestart restart = new LanguageRestart(language, getParameters().getRaw());
        view.onLanguageChosen(chosen -> restart.choose(chosen, viewModel, openLesson(), stage, view::shutdown));
        // File > Connect to Flink watches jobs of Flink clusters through their REST API, in windows of their own;
        // the embedded cluster's jobs the app submitted can be restored there too, and so can pipelines the app's job
        // jar runs on a cluster with web submission.
        view.flinkConnect().use(new WebSubmissionConnector(new EmbeddedClusterConnector(new FlinkClusterConnector(),
                embeddedFlink), RestJobClient.DEFAULT_INTERVAL), RememberedUrls.load(RememberedUrls.defaultStore()),
                TaskRunner.background(), session.savepointDirectoryProperty().get());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(view.root(), Math.min(WIDTH, screen.getWidth()),
                Math.min(HEIGHT, screen.getHeight())));
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        viewModel.openAtStart(options.file() == null ? List.of() : List.of(options.file().toString()));
        stage.show();
        viewModel.live().speedProperty().set(options.speed());
        view.liveBalance().remember(new org.checkpointlab.views.preferences.PreferencesFile(
                LanguagePreference.defaultStore()));
        if (options.balance() != null) {
            view.liveBalance().use(options.balance());
        }
        if (options.lesson() != null) {
            List<String> problems = view.lessons().open(options.lesson());
            problems.forEach(System.err::println);
        }
        if (options.run()) {
            viewModel.live().run();
        }
        if (options.exitAfter() != null) {
            PauseTransition exit = new PauseTransition(Duration.millis(options.exitAfter().toMillis()));
            exit.setOnFinished(event -> Platform.exit());
            exit.play();
        }
    }

    /** The id of the lesson open in the window, or null. */
    private String openLesson() {
        var lesson = view.lessons().viewModel().lessonProperty().get();
        return lesson == null ? null : lesson.id();
    }

    /** The main window wired to real pipeline files, {@code samples} and jobs of {@code session} on {@code engines}. */
    static MainView window(EngineSelection engines, JobSession session, SampleCatalog samples, RecentFiles recent) {
        MainViewModel viewModel = new MainViewModel(PipelineLoader.validating(), samples, new PipelineGraphViewModel(),
                new LiveJobViewModel(session, LiveJobViewModel.WATCHABLE_BUFFERS, System::currentTimeMillis), recent);
        MainView window = MainView.load(viewModel);
        window.install(new EngineChoiceView(new EngineChoiceViewModel(engines, session,
                viewModel.graph().pipelineProperty(), viewModel.live().activeProperty())));
        return window;
    }

    @Override
    public void stop() {
        if (view == null) {
            engines.shutdown();
            return;
        }
        if (options.frameReport() && !reported) {
            reported = true;
            System.out.println(frameReport());
        }
        view.shutdown();
        engines.shutdown();
    }

    private String frameReport() {
        JobClient job = view.viewModel().session().job();
        String throughput = job == null ? "engine throughput: no job ran"
                : String.format(Locale.ROOT, "engine throughput: %,.0f records/s (%,d source records)",
                        job.summary().throughputPerSecond(), job.summary().sourceRecords());
        return "frame report\n" + "live view balance: " + view.liveBalance().current().optionName() + "\n"
                + view.frameStats().report() + "\n" + throughput + "\n" + uiCode + "\n" + headlessComparison();
    }

    /** The command that runs the same job headless (same network buffers, same thread priority), to compare. */
    private String headlessComparison() {
        RuntimeOptions r = LiveJobViewModel.WATCHABLE_BUFFERS;
        String file = options.file() == null ? "FILE" : options.file().toString();
        long seconds = options.exitAfter() == null ? 30 : Math.max(1, options.exitAfter().toSeconds());
        return String.format(Locale.ROOT, "the same job headless: ./checkpoint-lab run %s --duration %ds "
                        + "--buffer-size %d --buffers-per-channel %d --buffer-timeout %dms%s",
                file, seconds, r.bufferSize(), r.buffersPerChannel(), r.bufferTimeout().toMillis(),
                r.lowPrioritySubtasks() ? " --low-priority" : "");
    }
}
