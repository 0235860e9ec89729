package org.checkpointlab.views;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.scene.control.SeparatorMenuItem;
import java.util.HashMap;
import java.util.Map;
import org.checkpointlab.views.editor.EditorView;
import org.checkpointlab.views.editor.EditorViewModel;
import org.checkpointlab.views.editor.UnsavedChangesAlert;
import org.checkpointlab.views.editor.model.Position;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.flink.FlinkConnect;
import org.checkpointlab.views.savepoints.RescaleView;
import org.checkpointlab.views.savepoints.RescaleViewModel;
import org.checkpointlab.views.graph.GraphStyles;
import org.checkpointlab.views.graph.OperatorRole;
import org.checkpointlab.views.graph.PipelineGraphView;
import org.checkpointlab.views.live.BarrierMode;
import org.checkpointlab.views.live.FrameStats;
import org.checkpointlab.views.session.HistoryEntry;
import org.checkpointlab.views.live.LiveFrameLoop;
import org.checkpointlab.views.live.LiveGraph;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.live.LiveLegend;
import org.checkpointlab.views.panels.JobPanels;

/**
 * Controller of the main window ({@code MainView.fxml}): menu bar, toolbar with the job controls (run, pause,
 * stop, checkpoint, fail tool, barrier mode, speed), the live status strip, problem banner, the pipeline graph in
 * the centre with the running job drawn on it ({@link LiveGraph}, driven by a {@link LiveFrameLoop}), side panels
 * (selected subtask, exception history, legend) and a status bar. It binds controls to the {@link MainViewModel} and turns user gestures into
 * its commands; it holds no state of its own. Create it with {@link #load(MainViewModel)}.
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
        viewModel.failureProperty().addListener((obs, old, failure) -> showFailure(failure));
        showFailure(viewModel.failureProperty().get());
        fillLegend();
        org.checkpointlab.views.i18n.LanguageMenu.fill(languageMenu, language -> languageHandler.accept(language));
        samplesMenu.setOnShowing(event -> fillSamples());
        fillSamples();
        viewModel.recentFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent());
        recentMenu.setOnShowing(event -> fillRecent());
        fillRecent();
        bindLive(viewModel.live());
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
        shortcutTooltips();
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
        MenuItem rescale = new MenuItem(Texts.get("menu.job.rescale"));
        rescale.setId("rescale-item");
        rescale.setOnAction(event -> openRescaleDialog());
        rescale.disableProperty().bind(viewModel.live().activeProperty().not()
                .or(viewModel.rescalingProperty()).or(viewModel.session().busyProperty()));
        jobMenu.getItems().add(rescale);
        org.checkpointlab.views.live.JobMenuHints.install(jobMenu, viewModel.live(), viewModel.runBlockedProperty(),
                viewModel.rescalingProperty());
        failToggle.disableProperty().bind(viewModel.live().activeProperty().not());
        viewModel.useDialogs(new UnsavedChangesAlert(this::window), this::chooseSaveFile);
        viewModel.useStopPrompt(this::confirmStop);
        // Closing the window (its close button, Alt+F4) asks about unsaved changes like Quit does.
        graphHost.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, w, window) -> guardClose(window));
                guardClose(scene.getWindow());
            }
        });
    }

    /** "Stop the running job?" before opening or starting another pipeline would stop it. */
    private boolean confirmStop(String jobName, String action) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION,
                Texts.format("main.stop.text", jobName, capitalized(action)),
                new javafx.scene.control.ButtonType(Texts.get("main.stop.button"),
                        javafx.scene.control.ButtonBar.ButtonData.OK_DONE),
                javafx.scene.control.ButtonType.CANCEL);
        alert.setHeaderText(Texts.get("main.stop.header"));
        alert.initOwner(window());
        return alert.showAndWait().map(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE)
                .orElse(false);
    }

    private static String capitalized(String phrase) {
        return phrase.isEmpty() ? phrase : Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
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

    private void bindLive(LiveJobViewModel live) {
        liveGraph = new LiveGraph(graphView, live);
        frameLoop = new LiveFrameLoop(live, liveGraph);
        liveBalance = org.checkpointlab.views.live.LiveBalanceMenu.install(balanceMenu, frameLoop.budget());
        var cannotRun = live.activeProperty().or(viewModel.rescalingProperty())
                .or(viewModel.runBlockedProperty().isNotEmpty());
        runButton.disableProperty().bind(cannotRun);
        runItem.disableProperty().bind(cannotRun);
        runProblemLabel.textProperty().bind(viewModel.runBlockedProperty());
        var showRunProblem = viewModel.runBlockedProperty().isNotEmpty().and(live.activeProperty().not());
        runProblemLabel.visibleProperty().bind(showRunProblem);
        runProblemLabel.managedProperty().bind(showRunProblem);
        stopButton.disableProperty().bind(live.activeProperty().not());
        checkpointButton.disableProperty().bind(live.activeProperty().not());
        pauseToggle.selectedProperty().bindBidirectional(live.pausedProperty());
        var cannotStep = live.activeProperty().not().or(live.pausedProperty().not());
        stepButton.disableProperty().bind(cannotStep);
        stepItem.disableProperty().bind(cannotStep);
        failToggle.selectedProperty().bindBidirectional(live.failToolArmedProperty());
        barrierChoice.getItems().setAll(BarrierMode.values());
        barrierChoice.valueProperty().bindBidirectional(live.barrierModeProperty());
        speedSlider.valueProperty().addListener((obs, old, now) -> live.speedProperty().set(toSpeed(now.doubleValue())));
        live.speedProperty().addListener((obs, old, now) -> {
            if (Math.abs(toSpeed(speedSlider.getValue()) - now.doubleValue()) > 1e-9) {
                speedSlider.setValue(toPosition(now.doubleValue()));
            }
        });
        speedLabel.textProperty().bind(Bindings.createStringBinding(() -> speedText(live.speedProperty().get()),
                live.speedProperty()));
        // "Ready: press Run" is not shown beside the reason it cannot run.
        jobLabel.textProperty().bind(Bindings.createStringBinding(() -> showRunProblem.get()
                && live.jobLineProperty().get().startsWith(LiveJobViewModel.READY) ? ""
                : live.jobLineProperty().get(), showRunProblem, live.jobLineProperty()));
        jobLabel.managedProperty().bind(jobLabel.textProperty().isNotEmpty());
        checkpointLabel.textProperty().bind(live.checkpointLineProperty());
        recoveryLabel.textProperty().bind(live.recoveryLineProperty());
        // The latest announcement, unless the checkpoint line already says the same.
        announcementLabel.textProperty().bind(Bindings.createStringBinding(
                () -> live.announcementProperty().get().equals(live.checkpointLineProperty().get()) ? ""
                        : live.announcementProperty().get(),
                live.announcementProperty(), live.checkpointLineProperty()));
        detailsLabel.textProperty().bind(Bindings.createStringBinding(() -> live.selectedDetailsProperty().get()
                .isEmpty() ? Texts.get("main.details.placeholder") : live.selectedDetailsProperty().get(),
                live.selectedDetailsProperty()));
        historyList.setItems(live.history());
        historyList.setCellFactory(list -> new HistoryCell());
        Label noFailures = new Label(Texts.get("main.history.placeholder"));
        noFailures.setWrapText(true);
        historyList.setPlaceholder(noFailures);
        legendPane.setContent(LiveLegend.build());
        failToggle.selectedProperty().addListener((obs, old, armed) ->
                graphView.pseudoClassStateChanged(MainStyles.FAIL_ARMED, armed));
        graphView.sceneProperty().addListener((obs, old, scene) -> frameLoop.measure(scene));
        frameLoop.measure(graphView.getScene());
        frameLoop.start();
    }

    /** Tooltips on the job buttons that name their menu shortcuts. */
    private void shortcutTooltips() {
        tooltip(runButton, Texts.get("main.tooltip.run"));
        tooltip(pauseToggle, Texts.get("main.tooltip.pause"));
        tooltip(stepButton, Texts.get("main.tooltip.step"));
        tooltip(stopButton, Texts.get("main.tooltip.stop"));
        tooltip(checkpointButton, Texts.get("main.tooltip.checkpoint"));
    }

    private static void tooltip(javafx.scene.control.Control control, String text) {
        if (control.getTooltip() == null) {
            control.setTooltip(new javafx.scene.control.Tooltip(text));
        }
    }

    /** A history line that wraps inside the side panel instead of scrolling sideways; failures in red. */
    private static final class HistoryCell extends javafx.scene.control.ListCell<HistoryEntry> {
        HistoryCell() {
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(HistoryEntry item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.toString());
            pseudoClassStateChanged(MainStyles.FAILURE, !empty && item != null && item.failure());
        }
    }

    /** Slider position 0..1 to speed: logarithmic from {@value LiveJobViewModel#MIN_SPEED} to 1. */
    static double toSpeed(double position) {
        return Math.pow(10, 3 * (Math.max(0, Math.min(1, position)) - 1));
    }

    /** Speed to slider position 0..1, the inverse of {@link #toSpeed(double)}. */
    static double toPosition(double speed) {
        return Math.max(0, Math.min(1, Math.log10(Math.max(LiveJobViewModel.MIN_SPEED, speed)) / 3 + 1));
    }

    static String speedText(double speed) {
        if (speed >= 0.999) {
            return Texts.get("main.speed.full");
        }
        return String.format(java.util.Locale.ROOT, "\u00d7%.3f%s", speed,
                speed <= 0.0015 ? Texts.get("main.speed.human") : "");
    }

    /** One accent dot and name per operator role, so the card colours explain themselves. */
    private void fillLegend() {
        for (OperatorRole role : OperatorRole.values()) {
            Region dot = new Region();
            dot.getStyleClass().add(GraphStyles.CARD_ACCENT);
            Label entry = new Label(role.displayName(), dot);
            entry.getStyleClass().addAll(MainStyles.LEGEND_ENTRY, role.styleClass());
            legend.getChildren().add(entry);
        }
    }

    private void fillSamples() {
        samplesMenu.getItems().clear();
        for (Path sample : viewModel.samples()) {
            MenuItem item = new MenuItem(SampleCatalog.displayName(sample));
            item.setMnemonicParsing(false);
            item.setOnAction(event -> viewModel.openSample(sample));
            samplesMenu.getItems().add(item);
        }
        if (samplesMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem(Texts.format("main.samples.none",
                    viewModel.samplesDirectory().toAbsolutePath().normalize()));
            none.setMnemonicParsing(false);
            none.setDisable(true);
            samplesMenu.getItems().add(none);
        }
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path file : viewModel.recentFiles()) {
            boolean exists = Files.isRegularFile(file);
            MenuItem item = new MenuItem(file.getFileName() + "   \u2014 " + shortDirectory(file)
                    + (exists ? "" : Texts.get("main.recent.missing")));
            item.setMnemonicParsing(false);
            item.setDisable(!exists);
            if (!exists) {
                item.getStyleClass().add(MainStyles.RECENT_MISSING);
            }
            item.setOnAction(event -> viewModel.open(file));
            recentMenu.getItems().add(item);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem(Texts.get("main.recent.none"));
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
        recentMenu.getItems().add(new SeparatorMenuItem());
        MenuItem clear = new MenuItem(Texts.get("main.recent.clear"));
        clear.setId("clear-recent");
        clear.setDisable(viewModel.recentFiles().isEmpty());
        clear.setOnAction(event -> viewModel.clearRecentFiles());
        recentMenu.getItems().add(clear);
    }

    /** The folder of a recent file, with the home folder shown as ~. */
    private static String shortDirectory(Path file) {
        Path dir = file.getParent();
        if (dir == null) {
            return "";
        }
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        return dir.startsWith(home) ? "~" + java.io.File.separator + home.relativize(dir) : dir.toString();
    }

    private java.util.Optional<Path> chooseSaveFile(String suggestedName, Path directory) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("main.save.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("main.filter.pipelines"),
                "*.json"));
        chooser.setInitialFileName(suggestedName);
        Path start = directory != null ? directory : Path.of(System.getProperty("user.home"));
        if (Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        File chosen = chooser.showSaveDialog(window());
        return java.util.Optional.ofNullable(chosen).map(File::toPath);
    }

    /** Opens the "Rescale via savepoint" dialog for the running job. */
    public Stage openRescaleDialog() {
        var job = viewModel.session().job();
        var running = job == null || job.status().isTerminal() ? null : job.pipeline();
        return RescaleView.showDialog(window(), new RescaleViewModel(running, viewModel::rescaleViaSavepoint));
    }

    private void showFailure(LoadFailure failure) {
        errorBanner.setVisible(failure != null);
        errorBanner.setManaged(failure != null);
        errorProblems.getChildren().clear();
        if (failure == null) {
            return;
        }
        errorTitle.setText(failure.saving() ? Texts.format("main.failure.saving", failure.summary())
                : viewModel.pipeline() == null ? failure.summary()
                : Texts.format("main.failure.stillShowing", failure.summary(), viewModel.pipeline().name()));
        for (String problem : failure.problems()) {
            Label line = new Label("\u2022 " + problem);
            line.getStyleClass().add(MainStyles.ERROR_PROBLEM);
            line.setWrapText(true);
            errorProblems.getChildren().add(line);
        }
    }

    @FXML
    private void openPipeline() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("main.open.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Texts.get("main.filter.pipelines"), "*.json"),
                new FileChooser.ExtensionFilter(Texts.get("main.filter.all"), "*.*"));
        Path start = viewModel.fileProperty().get() != null
                ? viewModel.fileProperty().get().toAbsolutePath().getParent()
                : viewModel.samplesDirectory().toAbsolutePath();
        if (start != null && Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        File chosen = chooser.showOpenDialog(menuBar.getScene().getWindow());
        if (chosen != null) {
            viewModel.open(chosen.toPath());
        }
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
