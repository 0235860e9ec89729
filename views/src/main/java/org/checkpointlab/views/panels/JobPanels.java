package org.checkpointlab.views.panels;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.charts.ChartsView;
import org.checkpointlab.views.charts.ChartsViewModel;
import org.checkpointlab.views.checkpoints.CheckpointsView;
import org.checkpointlab.views.checkpoints.CheckpointsViewModel;
import org.checkpointlab.views.controls.HiddenTabContent;
import org.checkpointlab.views.controls.SavepointDirectories;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.output.OutputView;
import org.checkpointlab.views.output.OutputViewModel;
import org.checkpointlab.views.savepoints.RestoreView;
import org.checkpointlab.views.savepoints.RestoreViewModel;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.controls.MenuHints;
import org.checkpointlab.views.state.RunningJobState;
import org.checkpointlab.views.state.StateView;
import org.checkpointlab.views.state.StateViewModel;
import org.checkpointlab.views.settings.SettingsView;
import org.checkpointlab.views.settings.SettingsViewModel;

/**
 * Puts the checkpoint panels into a window: the "Checkpoints", "Charts", "Settings" and "Output" tabs and a "Job"
 * menu (run the open pipeline, cancel, trigger savepoint, stop with savepoint, choose the savepoint folder,
 * restore). All share one {@link JobSession} and show the snapshots it publishes (from the samples the live view's
 * frame loop takes; see {@link JobSession#sample}). The main window calls {@link #install} once.
 */
public final class JobPanels {
    /** How far back the time charts reach. */
    public static final Duration CHART_WINDOW = Duration.ofMinutes(5);

    private final JobSession session;
    private final Supplier<PipelineSpec> openPipeline;
    private final CheckpointsViewModel checkpoints;
    private final ChartsViewModel charts;
    private final SettingsViewModel settings;
    private final OutputViewModel output;
    private Window owner;
    private java.util.function.Consumer<org.checkpointlab.model.lesson.KeyFound> keyFound = found -> { };

    /**
     * @param session      the job session the panels share
     * @param openPipeline the pipeline the window shows (what "Run pipeline" starts), may supply {@code null}
     * @param edits        the pipeline being edited, whose checkpoint options Settings edits
     */
    private final CommandStack edits;

    public JobPanels(JobSession session, Supplier<PipelineSpec> openPipeline, CommandStack edits) {
        this.session = session;
        this.openPipeline = openPipeline;
        this.checkpoints = new CheckpointsViewModel(session.snapshotProperty(), session::job);
        this.charts = new ChartsViewModel(session.snapshotProperty(), session.events(), CHART_WINDOW);
        // The session forgets its job when another pipeline opens: the charts start clean for the next one.
        session.jobProperty().addListener((obs, old, now) -> {
            if (now == null) {
                charts.clear();
            }
        });
        this.settings = new SettingsViewModel(session, edits);
        this.edits = edits;
        this.output = new OutputViewModel(session.snapshotProperty(), session.jobProperty(), session.runner());
    }

    public JobSession session() {
        return session;
    }

    public CheckpointsViewModel checkpoints() {
        return checkpoints;
    }

    public ChartsViewModel charts() {
        return charts;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public OutputViewModel output() {
        return output;
    }

    /** Adds the four tabs to {@code tabs} and the job commands to {@code jobMenu}; starts polling. */
    public void install(TabPane tabs, Menu jobMenu) {
        // The chart viewers are built when the tab is first shown: the window opens faster, and data is collected
        // from the start anyway.
        Tab chartsTab = tab("charts", new javafx.scene.layout.StackPane());
        tabs.getTabs().addAll(
                tab("checkpoints", new CheckpointsView(checkpoints).root()),
                chartsTab,
                tab("settings", new SettingsView(settings, session).root()),
                tab("output", new OutputView(output).root()));
        charts.setDrawing(false);
        boolean[] chartsBuilt = {false};
        chartsTab.selectedProperty().addListener((obs, o, selected) -> {
            if (selected && !chartsBuilt[0]) {
                chartsBuilt[0] = true;
                chartsTab.setContent(new ChartsView(charts).root());
            }
            charts.setDrawing(selected);
        });
        HiddenTabContent.detachWhileHidden(tabs);
        tabs.sceneProperty().addListener((obs, o, scene) -> owner = scene == null ? null : scene.getWindow());
        var noRunningJob = Bindings.createBooleanBinding(() -> session.job() == null
                || session.job().status().isTerminal(), session.jobProperty(), session.snapshotProperty());
        // Run, pause, stop and checkpoint are the live graph's items of the same menu; these follow them.
        MenuItem savepoint = item(Texts.get("job.triggerSavepoint"), "Shortcut+Shift+K",
                () -> session.triggerSavepoint(r -> { }, this::showProblems));
        var whyNotNow = Bindings.createStringBinding(() -> noRunningJob.get() ? Texts.get("hint.noRunningJob")
                : session.busyProperty().get() ? Texts.get("hint.savepointUnderWay") : "", noRunningJob,
                session.busyProperty());
        MenuHints.explain(savepoint, whyNotNow);
        MenuItem stop = item(Texts.get("job.stopWithSavepoint"), null, () -> session.stopWithSavepoint(false, r -> { },
                this::showProblems));
        MenuHints.explain(stop, whyNotNow);
        MenuItem drain = item(Texts.get("job.stopWithSavepointDrain"), null, () -> session.stopWithSavepoint(true,
                r -> { }, this::showProblems));
        MenuHints.explain(drain, whyNotNow);
        MenuItem folder = item(Texts.get("job.savepointFolder"), null, this::chooseSavepointFolder);
        MenuItem restore = item(Texts.get("job.restore"), null, this::openRestoreDialog);
        MenuHints.explain(restore, Bindings.createStringBinding(() -> session.job() == null
                ? Texts.get("hint.runFirst")
                : session.busyProperty().get() ? Texts.get("hint.savepointUnderWay") : "", session.jobProperty(),
                session.busyProperty()));
        MenuItem state = item(Texts.get("job.openState"), null, this::openStateView);
        state.setId("openSavepointState");
        MenuItem runningState = item(Texts.get("job.openRunningState"), null, this::openRunningJobState);
        runningState.setId("openRunningJobState");
        MenuHints.explain(runningState, MenuHints.when(noRunningJob, Texts.get("hint.noRunningJob")));
        jobMenu.getItems().addAll(new SeparatorMenuItem(), savepoint, stop, drain, folder,
                new SeparatorMenuItem(), restore, state, runningState);
    }

    /** Starts the open pipeline (replacing a running job); problems are shown in an alert. */
    public void runOpenPipeline() {
        PipelineSpec spec = openPipeline.get();
        if (spec == null) {
            showProblems(List.of(Texts.get("job.openPipelineFirst")));
            return;
        }
        try {
            session.start(spec);
        } catch (PipelineException e) {
            showProblems(org.checkpointlab.views.session.Problems.of(e));
        }
    }

    /** Where the State views report the keys they find (a lesson step may wait for one). */
    public void onKeyFound(java.util.function.Consumer<org.checkpointlab.model.lesson.KeyFound> listener) {
        keyFound = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** Opens the restore dialog, preset to the newest savepoint this session's jobs wrote. */
    public Stage openRestoreDialog() {
        RestoreViewModel vm = new RestoreViewModel(session);
        session.latestSavepoint().ifPresent(path -> {
            vm.pathProperty().set(path);
            vm.load();
        });
        return RestoreView.showDialog(owner, vm);
    }

    /**
     * Opens the State view of a savepoint or retained checkpoint on disk, preset to the newest savepoint this
     * session's jobs wrote.
     */
    public Stage openStateView() {
        StateViewModel vm = new StateViewModel();
        session.latestSavepoint().ifPresent(path -> {
            vm.pathProperty().set(path);
            vm.load();
        });
        return showStateView(vm);
    }

    /** Opens the State view on the running job's latest completed checkpoint, refreshed as checkpoints complete. */
    public Stage openRunningJobState() {
        StateViewModel vm = new StateViewModel();
        vm.liveProperty().set(true);
        return showStateView(vm);
    }

    private Stage showStateView(StateViewModel vm) {
        RunningJobState running = new RunningJobState(vm, session.jobProperty(), session.snapshotProperty(),
                session.runner());
        if (vm.liveProperty().get()) {
            running.refresh();
        }
        org.checkpointlab.views.state.FoundKeys.report(vm, found -> keyFound.accept(found));
        Stage stage = StateView.showDialog(owner, vm);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> running.close());
        return stage;
    }

    private void chooseSavepointFolder() {
        SavepointDirectories.chooseInto(owner, Texts.get("job.savepointFolder.title"),
                session.savepointDirectoryProperty());
    }

    private void showProblems(List<String> problems) {
        Alert alert = new Alert(Alert.AlertType.ERROR, String.join("\n", problems));
        alert.setHeaderText(session.job() != null && session.job().status() == JobStatus.RUNNING
                ? Texts.get("job.notDone.running") : Texts.get("job.notDone"));
        alert.initOwner(owner);
        alert.show();
    }

    /** The tab {@code tab.NAME} of the bundle; its id {@code tab-NAME} stays the same in every language. */
    private static Tab tab(String name, javafx.scene.Node content) {
        String key = "tab." + name;
        Tab tab = new Tab(Texts.get(key), content);
        tab.setClosable(false);
        tab.setId("tab-" + name);
        return tab;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
