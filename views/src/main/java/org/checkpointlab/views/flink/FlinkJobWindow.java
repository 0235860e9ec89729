package org.checkpointlab.views.flink;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.checkpointlab.model.client.ClusterConnection;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.graph.PipelineGraphView;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.live.LiveFrameLoop;
import org.checkpointlab.views.live.LiveGraph;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.live.LiveLegend;
import org.checkpointlab.views.live.StallAlertBinding;
import org.checkpointlab.views.panels.JobPanels;
import org.checkpointlab.views.session.HistoryEntry;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;

/**
 * A window showing one job of a cluster (Flink, through its REST API) in the views the local engine uses: the job
 * graph with a card per vertex and its subtasks coloured by busy / back-pressured / idle time, the Checkpoints,
 * Charts, Settings and Output tabs, the status strip with the stall alert, the subtask details, the exception
 * history and a Job menu of what the cluster can do. Everything goes through the job's {@link JobClient}, owned
 * by a {@link JobSession} of the window's own, so the main window's pipeline and job are left alone. What the
 * client cannot show is said in one line (channel buffers and barrier positions) instead of empty panels.
 *
 * <p>A job the app submitted to its embedded cluster, or a pipeline the app's job jar runs on a cluster with web
 * submission, can be restored from its savepoint at new parallelism here (the restore dialog with its key-group
 * table, as for the local engine): the window then follows the new job.
 *
 * <p>Closing the window stops watching; the job runs on in its cluster. FX thread only.
 */
public final class FlinkJobWindow {
    private final JobClient client;
    private final Optional<JobLauncher> resubmission;
    private final ClusterConnection cluster;
    private final JobSession session;
    private final LiveJobViewModel live;
    private final PipelineGraphViewModel graph = new PipelineGraphViewModel();
    private final PipelineGraphView graphView;
    private final LiveFrameLoop frameLoop;
    private final JobPanels panels;
    private final BorderPane root = new BorderPane();
    private final Label stallLabel = new Label();
    private Window window;

    /**
     * @param client             the watched job (already read once)
     * @param cluster            where it runs (its address, engine and how old its data may be)
     * @param savepointDirectory where savepoints go, as a path on the cluster's file system
     */
    public FlinkJobWindow(JobClient client, ClusterConnection cluster, Path savepointDirectory) {
        this.client = Objects.requireNonNull(client, "client");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        // A restore starts the job's pipeline again where the cluster can (the app's embedded cluster, for jobs the
        // app submitted; a cluster with web submission, for its job jar's pipelines); elsewhere the job's program is
        // the cluster's and nothing is started from this window.
        this.resubmission = cluster.resubmission(client);
        this.session = new JobSession(resubmission.orElse(config -> {
            throw new PipelineException(FlinkTexts.get("why.restore"));
        }), TaskRunner.background(), savepointDirectory);
        this.live = new LiveJobViewModel(session, LiveJobViewModel.WATCHABLE_BUFFERS, System::currentTimeMillis);
        this.graphView = new PipelineGraphView(graph);
        this.panels = new JobPanels(session, client::pipeline,
                new CommandStack(EditablePipeline.empty(client.pipeline().name())));
        LiveGraph liveGraph = new LiveGraph(graphView, live);
        this.frameLoop = new LiveFrameLoop(live, liveGraph);
        showPipeline(client.pipeline());
        session.attach(client);
        build();
        session.snapshotProperty().addListener((obs, old, snapshot) -> {
            JobClient shown = session.job();
            if (snapshot != null && shown != null && !shown.pipeline().equals(live.pipelineProperty().get())) {
                showPipeline(shown.pipeline()); // the job was rescaled on the cluster, or restored from here
            }
        });
        // A restore replaced the job (the session cancelled the old one): stop watching the old one.
        session.jobProperty().addListener((obs, old, now) -> {
            if (old != null && old != now) {
                old.close();
            }
        });
        frameLoop.start();
    }

    /** Opens a window for {@code client}; closing it stops watching (the job runs on). */
    public static FlinkJobWindow show(Window owner, JobClient client, ClusterConnection cluster,
                                      Path savepointDirectory) {
        FlinkJobWindow view = new FlinkJobWindow(client, cluster, savepointDirectory);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(FlinkTexts.format("window.title", client.pipeline().name(), cluster.address()));
        Scene scene = new Scene(view.root, 1280, 820);
        scene.getStylesheets().add(Objects.requireNonNull(FlinkJobWindow.class.getResource(
                "/org/checkpointlab/views/checkpoint-lab.css")).toExternalForm());
        stage.setScene(scene);
        view.window = stage;
        stage.setOnHidden(e -> view.close());
        stage.show();
        Platform.runLater(view.graphView::fitToWindow);
        return view;
    }

    /** The window, once shown. */
    public Stage stage() {
        return (Stage) window;
    }

    public BorderPane root() {
        return root;
    }

    public JobSession session() {
        return session;
    }

    public LiveJobViewModel live() {
        return live;
    }

    public PipelineGraphView graphView() {
        return graphView;
    }

    public JobPanels panels() {
        return panels;
    }

    /** The stall alert of the status strip ("" while checkpoints do not stall). */
    public Label stallLabel() {
        return stallLabel;
    }

    /** Stops drawing and watching; the job runs on in its cluster. */
    public void close() {
        frameLoop.stop();
        client.close();
        JobClient shown = session.job();
        if (shown != null && shown != client) {
            shown.close();
        }
    }

    private void showPipeline(PipelineSpec pipeline) {
        graph.show(pipeline);
        live.load(pipeline);
    }

    private void build() {
        root.getStyleClass().add("main-view");
        MenuItem fit = new MenuItem(FlinkTexts.get("menu.fit"));
        fit.setAccelerator(KeyCombination.keyCombination("F"));
        fit.setOnAction(e -> graphView.fitToWindow());
        Menu view = new Menu(FlinkTexts.get("menu.view"), null, fit);
        MenuBar menus = new MenuBar(new FlinkJobMenu(session, live, () -> window,
                resubmission.isPresent() ? panels::openRestoreDialog : null).build(), view);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox strip = new HBox(stripLabel("strip-job", live.jobLineProperty()),
                stripLabel("strip-checkpoint", live.checkpointLineProperty()),
                stripLabel("strip-recovery", live.recoveryLineProperty()), grow,
                stripLabel("strip-announcement", live.announcementProperty()));
        strip.getStyleClass().add("live-strip");
        stallLabel.setId("flink-stall");
        StallAlertBinding.bind(stallLabel, session, cluster.observationDelay(), System::currentTimeMillis);
        Label note = new Label(client.supports(JobClient.Capability.CHANNEL_BUFFERS) ? ""
                : FlinkTexts.get("capability.channels"));
        note.setId("flink-capability-note");
        note.setWrapText(true);
        note.setStyle("-fx-text-fill: #555; -fx-font-style: italic; -fx-padding: 2 10 4 10;");
        note.setManaged(!note.getText().isEmpty());
        Label stale = new Label();
        stale.setId("flink-stale");
        stale.getStyleClass().add(StallAlertBinding.STYLE_CLASS);
        stale.setManaged(false);
        stale.setVisible(false);
        FreshnessLine freshness = new FreshnessLine(cluster.address(), cluster.observationDelay());
        frameLoop.afterFrame(now -> {
            String text = freshness.update(live.snapshot(), now);
            if (!text.equals(stale.getText())) {
                stale.setText(text);
                stale.setVisible(!text.isEmpty());
                stale.setManaged(!text.isEmpty());
            }
        });
        root.setTop(new VBox(menus, strip, stale, stallLabel, note));

        StackPane graphHost = new StackPane(graphView);
        graphHost.getStyleClass().add("graph-host");
        TabPane tabs = new TabPane();
        tabs.getStyleClass().add("panel-tabs");
        panels.install(tabs, new Menu()); // the local Job menu's items stay out: this window has its own
        SplitPane split = new SplitPane(graphHost, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        root.setCenter(split);

        Label details = new Label();
        details.setWrapText(true);
        details.getStyleClass().add("subtask-details");
        details.textProperty().bind(Bindings.createStringBinding(() -> live.selectedDetailsProperty().get().isEmpty()
                ? FlinkTexts.get("side.subtask.hint") : live.selectedDetailsProperty().get(),
                live.selectedDetailsProperty()));
        ListView<HistoryEntry> history = new ListView<>(live.history());
        history.setId("flink-history");
        history.setPrefHeight(150);
        history.setPlaceholder(new Label(FlinkTexts.get("side.noFailures")));
        VBox side = new VBox(new TitledPane(FlinkTexts.get("side.subtask"), details),
                new TitledPane(FlinkTexts.get("side.history"), history),
                new TitledPane(FlinkTexts.get("side.legend"), LiveLegend.build()));
        side.getStyleClass().add("side-panel");
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setPrefWidth(290);
        root.setRight(sideScroll);

        Label status = new Label(FlinkTexts.format("window.status", client.toString(), cluster.engine()));
        status.setId("flink-status");
        session.activity().addListener((ListChangeListener<String>) c -> {
            if (!session.activity().isEmpty()) {
                status.setText(session.activity().get(session.activity().size() - 1));
            }
        });
        HBox bottom = new HBox(status);
        bottom.getStyleClass().add("status-bar");
        root.setBottom(bottom);
    }

    /** A label of the live strip: its style class, showing {@code text}. */
    private static Label stripLabel(String styleClass, ObservableValue<String> text) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.textProperty().bind(text);
        return label;
    }
}
