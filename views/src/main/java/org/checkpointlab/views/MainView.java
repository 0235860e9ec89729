package org.checkpointlab.views;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import java.util.HashMap;
import java.util.Map;
import org.checkpointlab.views.editor.EditorView;
import org.checkpointlab.views.editor.EditorViewModel;
import org.checkpointlab.views.editor.StopRunningJobAlert;
import org.checkpointlab.views.editor.UnsavedChangesAlert;
import org.checkpointlab.views.editor.model.Position;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.flink.FlinkConnect;
import org.checkpointlab.views.savepoints.RescaleView;
import org.checkpointlab.views.savepoints.RescaleViewModel;
import org.checkpointlab.views.graph.PipelineGraphView;
import org.checkpointlab.views.live.BarrierMode;
import org.checkpointlab.views.live.FrameStats;
import org.checkpointlab.views.session.HistoryEntry;
import org.checkpointlab.views.live.LiveFrameLoop;
import org.checkpointlab.views.live.LiveGraph;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.panels.JobPanels;

/**
 * Controller of the main window ({@code MainView.fxml}): menu bar, toolbar with the job controls (run, pause,
 * stop, checkpoint, fail tool, barrier mode, speed), the live status strip, problem banner, the pipeline graph in
 * the centre with the running job drawn on it ({@link LiveGraph}, driven by a {@link LiveFrameLoop}), side panels
 * (selected subtask, exception history, legend) and a status bar. It binds controls to the {@link MainViewModel} and
 * turns user gestures into its commands; it holds no state of its own. The parts with more than a few bindings are
 * bound by classes of their own: {@link JobControls}, {@link SpeedSlider}, {@link LiveStatusStrip},
 * {@link JobSidePanel}, {@link LoadFailureBanner}, {@link FileMenu}. Create it with {@link #load(MainViewModel)}.
 */
public final class MainView {
    private final MainViewModel viewModel;
    private final PipelineGraphView graphView;
    private LiveGraph liveGraph;
    private LiveFrameLoop frameLoop;
    private final JobPanels jobPanels;
    private org.checkpointlab.views.lessons.Lessons lessons;
    private final EditorViewModel editor;
    private EditorView editorView;
    private Parent root;

    @FXML private MenuBar menuBar;
    @FXML private javafx.scene.control.ToolBar mainToolbar;
    @FXML private HBox liveStrip;
    @FXML private Menu samplesMenu;
    @FXML private Menu recentMenu;
    @FXML private MenuItem runItem;
    @FXML private Label runProblemLabel;
    @FXML private Menu jobMenu;
    @FXML private Menu editMenu;
    @FXML private VBox paletteHost;
    @FXML private TitledPane inspectorPane;
    @FXML private TitledPane detailsPane;
    @FXML private javafx.scene.control.ScrollPane sideScroll;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private TabPane panelTabs;
    @FXML private StackPane graphHost;
    @FXML private Label emptyHint;
    @FXML private VBox errorBanner;
    @FXML private Label errorTitle;
    @FXML private VBox errorProblems;
    @FXML private Label statusLabel;
    @FXML private Label zoomLabel;
    @FXML private HBox legend;
    @FXML private Button runButton;
    @FXML private ToggleButton pauseToggle;
    @FXML private Button stepButton;
    @FXML private MenuItem stepItem;
    @FXML private Button stopButton;
    @FXML private Button checkpointButton;
    @FXML private ToggleButton failToggle;
    @FXML private ChoiceBox<BarrierMode> barrierChoice;
    @FXML private Slider speedSlider;
    @FXML private Label speedLabel;
    @FXML private Label jobLabel;
    @FXML private Label checkpointLabel;
    @FXML private Label recoveryLabel;
    @FXML private Label announcementLabel;
    @FXML private VBox sidePanel;
    @FXML private Label detailsLabel;
    @FXML private ListView<HistoryEntry> historyList;
    @FXML private TitledPane legendPane;
    @FXML private Menu languageMenu;
    @FXML private Menu balanceMenu;
    private org.checkpointlab.views.live.LiveBalanceMenu liveBalance;
    private java.util.function.Consumer<org.checkpointlab.views.i18n.Language> languageHandler = language -> { };
    @FXML private MenuItem connectFlinkItem;
    @FXML private Label stallLabel;
    private final FlinkConnect flinkConnect = new FlinkConnect();
    private final PipelineFileChooser fileChooser = new PipelineFileChooser(this::window);

    public MainView(MainViewModel viewModel) {
        this.viewModel = viewModel;
        this.graphView = new PipelineGraphView(viewModel.graph());
        this.jobPanels = new JobPanels(viewModel.session(), viewModel::pipeline, viewModel.edits());
        this.editor = new EditorViewModel(viewModel.edits(), viewModel.graph(), viewModel.live()::load,
                viewModel.structureLockedProperty());
    }

    /** Loads {@code MainView.fxml} with a controller for this view model. */
    public static MainView load(MainViewModel viewModel) {
        URL fxml = MainView.class.getResource("MainView.fxml");
        if (fxml == null) {
            throw new IllegalStateException("MainView.fxml is missing next to " + MainView.class.getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml, org.checkpointlab.views.i18n.Texts.messages());
        loader.setControllerFactory(type -> {
            if (type != MainView.class) {
                throw new IllegalArgumentException("MainView.fxml asks for an unknown controller " + type);
            }
            return new MainView(viewModel);
        });
        try {
            Parent loaded = loader.load();
            MainView view = loader.getController();
            view.root = loaded;
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    public Parent root() {
        return root;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public PipelineGraphView graphView() {
        return graphView;
    }

    /** The pipeline editor: palette, canvas gestures, inspector, Edit menu. */
    public EditorView editorView() {
        return editorView;
    }

    /** The running job's drawing on the graph (subtask boxes, channel panels). */
    public LiveGraph liveGraph() {
        return liveGraph;
    }

    /** Frame times measured by the frame loop (for {@code --frame-report}). */
    public FrameStats frameStats() {
        return frameLoop.stats();
    }

    /** View &gt; Live view balance: how often the frame loop samples the engine. */
    public org.checkpointlab.views.live.LiveBalanceMenu liveBalance() {
        return liveBalance;
    }

    /** The side panel column; further panels may be added to it. */
    public VBox sidePanel() {
        return sidePanel;
    }

    /** Adds the choice of Run's engine to the toolbar (before Run), the Job menu and the live strip. */
    public void install(org.checkpointlab.views.engine.EngineChoiceView engineChoice) {
        engineChoice.install(mainToolbar, runButton, jobMenu, liveStrip);
        // A lesson's steps pause, step and look into channels: only the local engine shows and does those.
        lessons.whenOpened(() -> engineChoice.viewModel().choose(org.checkpointlab.model.client.JobEngine.LOCAL));
    }

    /** Stops the frame loop and the running job (without waiting for it); for closing the window. */
    public void shutdown() {
        frameLoop.stop();
        viewModel.live().stop();
    }

    /** What View &gt; Language does with another language (the app remembers it and restarts). */
    public void onLanguageChosen(java.util.function.Consumer<org.checkpointlab.views.i18n.Language> handler) {
        languageHandler = java.util.Objects.requireNonNull(handler, "handler");
    }

    /** Help > Lessons and the lesson panel beside the graph. */
    public org.checkpointlab.views.lessons.Lessons lessons() {
        return lessons;
    }

    /** The checkpoint panels (right-hand tabs) and the job they show. */
    public JobPanels jobPanels() {
        return jobPanels;
    }

    @FXML
    private void initialize() {
        graphHost.getChildren().add(0, graphView);
        emptyHint.setText(MainViewModel.EMPTY_HINT);
        emptyHint.visibleProperty().bind(viewModel.emptyProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        zoomLabel.textProperty().bind(Bindings.format("%.0f %%", graphView.zoomProperty().multiply(100)));
        LoadFailureBanner.bind(viewModel, errorBanner, errorTitle, errorProblems);
        RoleLegend.fill(legend);
        org.checkpointlab.views.i18n.LanguageMenu.fill(languageMenu, language -> languageHandler.accept(language));
        FileMenu.install(viewModel, recentMenu, samplesMenu);
        JobControls jobControls = new JobControls(viewModel);
        bindLive(viewModel.live(), jobControls);
        editor.onParallelismWhileRunning((operatorId, parallelism) -> {
            var plan = viewModel.rescaleViaSavepoint(operatorId, parallelism);
            if (!plan.feasible()) {
                editor.refuse(Texts.format("main.rescaleRefused", operatorId, String.join("; ", plan.problems())));
            }
        });
        editorView = new EditorView(editor, graphView);
        editorView.install(paletteHost, graphHost, inspectorPane, editMenu);
        editorView.bindUndoButtons(undoButton, redoButton);
        CompactToolbar.apply(mainToolbar);
        menuBar.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                editorView.installKeys(scene);
            }
        });
        jobPanels.install(panelTabs, jobMenu);
        flinkConnect.install(connectFlinkItem);
        org.checkpointlab.views.live.StallAlertBinding.bind(stallLabel, viewModel.session(), java.time.Duration.ZERO,
                System::currentTimeMillis);
        lessons = org.checkpointlab.views.lessons.Lessons.install(viewModel, graphView, panelTabs, menuBar);
        jobPanels.onKeyFound(lessons.viewModel()::keyFound);
        jobControls.addRescaleItemAndHints(jobMenu, this::openRescaleDialog);
        viewModel.useDialogs(new UnsavedChangesAlert(this::window), fileChooser);
        viewModel.useStopPrompt(new StopRunningJobAlert(this::window));
        // Closing the window (its close button, Alt+F4) asks about unsaved changes like Quit does.
        graphHost.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, w, window) -> guardClose(window));
                guardClose(scene.getWindow());
            }
        });
    }

    private Window window() {
        return menuBar.getScene() == null ? null : menuBar.getScene().getWindow();
    }

    private Window guarded;

    private void guardClose(Window window) {
        if (window == null || window == guarded) {
            return;
        }
        guarded = window;
        window.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, event -> {
            if (!viewModel.requestClose()) {
                event.consume();
            }
        });
    }

    private void bindLive(LiveJobViewModel live, JobControls jobControls) {
        liveGraph = new LiveGraph(graphView, live);
        frameLoop = new LiveFrameLoop(live, liveGraph);
        liveBalance = org.checkpointlab.views.live.LiveBalanceMenu.install(balanceMenu, frameLoop.budget());
        jobControls.bindRun(runButton, runItem);
        jobControls.bindPauseAndStep(pauseToggle, stepButton, stepItem);
        jobControls.bindStopAndCheckpoint(stopButton, checkpointButton);
        jobControls.bindFailTool(failToggle, graphView);
        jobControls.bindBarrierChoice(barrierChoice);
        SpeedSlider.bind(speedSlider, speedLabel, live.speedProperty());
        jobControls.bindSpeed(speedSlider);
        LiveStatusStrip.bind(viewModel, jobLabel, runProblemLabel, checkpointLabel, recoveryLabel, announcementLabel);
        JobSidePanel.bind(live, detailsLabel, historyList, legendPane);
        SidePanelScroll.follow(sideScroll, inspectorPane, detailsPane, editor.selectionProperty(),
                live.selectedProperty());
        graphView.sceneProperty().addListener((obs, old, scene) -> frameLoop.measure(scene));
        frameLoop.measure(graphView.getScene());
        frameLoop.start();
    }

    /** Opens the "Rescale via savepoint" dialog for the running job. */
    public Stage openRescaleDialog() {
        var job = viewModel.session().job();
        var running = job == null || job.status().isTerminal() ? null : job.pipeline();
        return RescaleView.showDialog(window(), new RescaleViewModel(running, viewModel::rescaleViaSavepoint));
    }

    @FXML
    private void openPipeline() {
        Path start = viewModel.fileProperty().get() != null
                ? viewModel.fileProperty().get().toAbsolutePath().getParent()
                : viewModel.samplesDirectory().toAbsolutePath();
        fileChooser.chooseToOpen(start).ifPresent(viewModel::open);
    }

    @FXML
    private void newPipeline() {
        if (viewModel.newPipeline()) {
            graphView.fitToWindow();
        }
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void saveAs() {
        viewModel.saveAs();
    }

    @FXML
    private void run() {
        viewModel.run();
    }

    @FXML
    private void stop() {
        viewModel.live().stop();
    }

    @FXML
    private void step() {
        viewModel.live().step();
    }

    @FXML
    private void togglePause() {
        viewModel.live().togglePause();
    }

    @FXML
    private void triggerCheckpoint() {
        viewModel.live().triggerCheckpoint();
    }

    @FXML
    private void fitToWindow() {
        graphView.fitToWindow();
    }

    @FXML
    private void autoLayout() {
        viewModel.graph().autoLayout();
        // The editor keeps positions in its command stack: record the layout there (one undoable step).
        Map<String, Position> positions = new HashMap<>();
        viewModel.graph().nodes().forEach(n -> positions.put(n.id(), new Position(n.x(), n.y())));
        if (!positions.isEmpty()) {
            editor.place(positions, Texts.get("main.autoLayout"));
        }
        graphView.fitToWindow();
    }

    /** File &gt; Connect to Flink; the app gives it its cluster connector. */
    public FlinkConnect flinkConnect() {
        return flinkConnect;
    }

    @FXML
    private void connectToFlink() {
        flinkConnect.show(window());
    }

    @FXML
    private void dismissFailure() {
        viewModel.dismissFailure();
    }

    @FXML
    private void quit() {
        if (viewModel.requestClose()) {
            shutdown();
            Platform.exit();
        }
    }
}
