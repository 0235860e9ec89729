package org.checkpointlab.app.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.checkpointlab.flink.rest.FlinkClusterConnector;
import org.checkpointlab.flink.rest.RecordedFlink;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.client.ClusterJob;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.MainView;
import org.checkpointlab.views.MainViewModel;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.views.SampleCatalog;
import org.checkpointlab.views.editor.RecentFiles;
import org.checkpointlab.views.checkpoints.TimelineRow;
import org.checkpointlab.views.flink.ConnectViewModel;
import org.checkpointlab.views.flink.FlinkJobWindow;
import org.checkpointlab.views.flink.RememberedUrls;
import org.checkpointlab.views.graph.OperatorNode;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File &gt; Connect to Flink in the main window, against a fake Flink REST server answering with the answers recorded
 * from Flink 2.3: connect, list the jobs, open one in the same views, read its checkpoint history; a URL that does
 * not answer, or answers but not as Flink, is an error naming it, and the open pipeline stays as it was.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectToFlinkTest {
    @TempDir
    static Path dir;

    private MainViewModel viewModel;
    private MainView view;
    private Path urlStore;
    private RecordedFlink flink;
    private HttpServer notFlink;

    @Start
    void start(Stage stage) {
        LiveJobViewModel live = new LiveJobViewModel(new JobSession(config -> {
            throw new PipelineException(List.of("the test engine starts nothing"));
        }, TaskRunner.sameThread(), dir.resolve("sp")), RuntimeOptions.defaults(), () -> 0L);
        viewModel = new MainViewModel(PipelineLoader.validating(), new SampleCatalog(Path.of("..", "samples")),
                new PipelineGraphViewModel(), live, RecentFiles.inMemory());
        view = MainView.load(viewModel);
        urlStore = dir.resolve("urls-" + System.nanoTime() + ".json");
        view.flinkConnect().use(new FlinkClusterConnector(Duration.ofMillis(200)), RememberedUrls.load(urlStore),
                TaskRunner.background(), dir.resolve("savepoints"));
        viewModel.openSample(Path.of("..", "samples", "word-count.json"));
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void stopServers(FxRobot robot) {
        robot.interact(() -> view.flinkConnect().jobWindows().forEach(w -> w.stage().close()));
        if (flink != null) {
            flink.close();
        }
        if (notFlink != null) {
            notFlink.stop(0);
        }
    }

    private void openConnectWindow(FxRobot robot) {
        Menu file = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0);
        MenuItem connect = file.getItems().stream().filter(i -> "connectFlinkItem".equals(i.getId())).findFirst()
                .orElseThrow();
        assertThat(connect.isDisable()).isFalse();
        assertThat(connect.getText()).isEqualTo("Connect to _Flink\u2026");
        robot.interact(connect::fire);
    }

    private void typeUrlAndConnect(FxRobot robot, String url) {
        robot.clickOn("#flink-url");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(url);
        robot.clickOn("#flink-connect");
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String message(FxRobot robot) {
        return robot.lookup("#flink-message").queryAs(Label.class).getText();
    }

    @Test
    void connectListTheJobsOpenOneAndSeeItsGraphAndCheckpointHistory(FxRobot robot) throws Exception {
        flink = new RecordedFlink("2.3");
        openConnectWindow(robot);
        typeUrlAndConnect(robot, flink.address().toString());

        @SuppressWarnings("unchecked")
        TableView<ClusterJob> jobs = robot.lookup("#flink-jobs").queryAs(TableView.class);
        waitFor(() -> jobs.getItems().size() == 1);
        assertThat(message(robot)).contains(flink.address().toString()).contains("Flink 2.3.0");
        ClusterJob listed = jobs.getItems().get(0);
        assertThat(listed.id()).isEqualTo(flink.jobId);
        assertThat(listed.name()).isEqualTo("watched");
        assertThat(listed.state()).isEqualTo("RUNNING");
        assertThat(listed.durationMillis()).isEqualTo(9845);
        assertThat(robot.lookup("9.8 s").tryQuery()).isEmpty(); // durations in whole seconds
        assertThat(robot.lookup("9 s").tryQuery()).isPresent();

        robot.clickOn("watched");
        robot.clickOn("#flink-open");
        waitFor(() -> view.flinkConnect().jobWindows().size() == 1);
        FlinkJobWindow window = view.flinkConnect().jobWindows().get(0);

        // The graph: one card per Flink vertex, with its parallelism.
        assertThat(window.graphView().viewModel().nodes()).extracting(OperatorNode::id, OperatorNode::parallelism)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(flink.vertices.get(0), 2),
                        org.assertj.core.groups.Tuple.tuple(flink.vertices.get(1), 3),
                        org.assertj.core.groups.Tuple.tuple(flink.vertices.get(2), 1));
        assertThat(window.graphView().viewModel().nodes().get(1).name()).isEqualTo("Count per key");
        // The Checkpoints tab: Flink's history, the latest completed checkpoint with every subtask's phases.
        waitFor(() -> !window.panels().checkpoints().history().isEmpty());
        CheckpointStats latest = window.panels().checkpoints().history().stream()
                .filter(c -> c.id() == flink.checkpointId).findFirst().orElseThrow();
        assertThat(latest.status()).isEqualTo(CheckpointStatus.COMPLETED);
        assertThat(latest.endToEndMillis()).isEqualTo(19);
        assertThat(latest.subtasks()).hasSize(6);
        robot.interact(() -> window.panels().checkpoints().select(flink.checkpointId));
        assertThat(window.panels().checkpoints().bySubtask()).hasSize(6);
        // Its timeline names each subtask by its vertex's name, as the graph does, not by Flink's hex vertex id.
        assertThat(window.panels().checkpoints().timeline()).extracting(TimelineRow::label)
                .contains("Count per key #0", "Count per key #2").noneMatch(l -> l.matches("[0-9a-f]{32}.*"));
        assertThat(robot.lookup("#tab-checkpoints").tryQuery()).isPresent();
        assertThat(window.live().jobLineProperty().get()).contains("RUNNING");
        // What Flink cannot show is said, not drawn empty; what it cannot do is disabled with the reason.
        assertThat(robot.lookup("#flink-capability-note").queryAs(Label.class).getText())
                .contains("channel buffers").contains("local engine");
        assertThat(window.session().job().supports(JobClient.Capability.CHANNEL_BUFFERS)).isFalse();
        Menu jobMenu = ((MenuBar) window.root().lookup(".menu-bar")).getMenus().get(0);
        assertThat(item(jobMenu, "flink-savepoint").isDisable()).isFalse();
        assertThat(item(jobMenu, "flink-stop").isDisable()).isFalse();
        assertThat(item(jobMenu, "flink-cancel").isDisable()).isFalse();
        assertThat(item(jobMenu, "flink-unsupported-pause").getProperties().get("why").toString())
                .contains("cannot pause");
        assertThat(item(jobMenu, "flink-unsupported-fail").getProperties().get("why").toString())
                .contains("cannot make a subtask fail");
        assertThat(item(jobMenu, "flink-unsupported-fail").getOnAction()).isNull();
        // Restoring needs the job's program: only the app's own jobs on its embedded cluster have it here.
        assertThat(item(jobMenu, "flink-unsupported-restore").getProperties().get("why").toString())
                .contains("embedded cluster");
        assertThat(jobMenu.getItems()).noneMatch(i -> "flink-restore".equals(i.getId()));
        // No resource requirements there (not the adaptive scheduler): no rescale in place, and why.
        assertThat(item(jobMenu, "flink-unsupported-inPlaceRescale").getProperties().get("why").toString())
                .contains("Flink's adaptive scheduler (jobmanager.scheduler: adaptive) can");
        assertThat(jobMenu.getItems()).noneMatch(i -> "flink-rescale".equals(i.getId()));
        // Back pressure and pool usage per subtask, as the graph colours and the subtask details show them.
        assertThat(window.session().job().snapshot().subtasks()).filteredOn(s -> s.subtaskIndex() == 0
                && s.operatorIds().contains(flink.vertices.get(0))).singleElement()
                .satisfies(s -> assertThat(s.outPoolUsage()).isBetween(0.21, 0.22))
                .satisfies(s -> assertThat(s.busyMsPerSecond() + s.backPressuredMsPerSecond() + s.idleMsPerSecond())
                        .isBetween(990.0, 1010.0));
        // The recorded checkpoints are long past: the status strip's stall alert names it, once Flink's cache
        // time and the poll interval have passed since the job was opened.
        Label stall = robot.lookup("#flink-stall").queryAs(Label.class);
        waitFor(() -> stall.isVisible());
        assertThat(stall.getText()).startsWith("\u26a0 Checkpoints stall: no checkpoint completed for")
                .contains("3 intervals of 500 ms").contains("slowest in the last completed");
        // The main window still shows its own pipeline.
        assertThat(viewModel.pipeline().name()).isEqualTo("Word count");

        // The cluster stops answering: the window says so, naming it, and keeps the last data.
        flink.close();
        Label stale = robot.lookup("#flink-stale").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, stale::isVisible);
        assertThat(stale.getText()).startsWith("No fresh data from " + flink.address());
        assertThat(window.panels().checkpoints().history()).isNotEmpty();
        // The URL is remembered for next time.
        ConnectViewModel next = new ConnectViewModel(new FlinkClusterConnector(), TaskRunner.sameThread(),
                RememberedUrls.load(urlStore));
        assertThat(next.urlProperty().get()).isEqualTo(flink.address().toString());
    }

    private static MenuItem item(Menu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void anUnreachableUrlGivesAnErrorNamingItAndTheOpenPipelineStays(FxRobot robot) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        PipelineSpec before = viewModel.edits().current().spec();
        String url = "http://127.0.0.1:" + port;
        openConnectWindow(robot);
        typeUrlAndConnect(robot, url);
        waitFor(() -> message(robot).startsWith("Cannot connect"));
        assertThat(message(robot)).contains(url).contains("no answer").contains("Nothing you have open was changed");
        assertThat(view.flinkConnect().viewModel().failedProperty().get()).isTrue();
        assertThat(view.flinkConnect().viewModel().jobs()).isEmpty();
        assertThat(view.flinkConnect().jobWindows()).isEmpty();
        assertThat(viewModel.edits().current().spec()).isEqualTo(before);
        assertThat(viewModel.pipeline().name()).isEqualTo("Word count");
        assertThat(viewModel.failureProperty().get()).isNull();
        // Not remembered: it never answered.
        assertThat(RememberedUrls.load(urlStore).urls()).doesNotContain(url);
    }

    @Test
    void aServerThatIsNotFlinkIsNamedAsSuch(FxRobot robot) throws Exception {
        notFlink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notFlink.createContext("/", exchange -> {
            byte[] page = "<html><body>Hello</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        notFlink.start();
        String url = "http://127.0.0.1:" + notFlink.getAddress().getPort();
        openConnectWindow(robot);
        typeUrlAndConnect(robot, url);
        waitFor(() -> message(robot).startsWith("Cannot connect"));
        assertThat(message(robot)).contains(url).contains("not as Flink's REST API");
        assertThat(viewModel.pipeline().name()).isEqualTo("Word count");
    }

    @Test
    void theConnectWindowClosesWithItsCloseButtonAndWithEscape(FxRobot robot) {
        openConnectWindow(robot);
        assertThat(connectWindows()).hasSize(1);
        robot.clickOn("#flink-connect-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(connectWindows()).isEmpty();

        openConnectWindow(robot);
        robot.clickOn("#flink-jobs").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(connectWindows()).isEmpty();
        assertThat(viewModel.pipeline().name()).isEqualTo("Word count");
    }

    private static List<javafx.stage.Window> connectWindows() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getScene().lookup("#flink-url") != null).toList();
    }
}
