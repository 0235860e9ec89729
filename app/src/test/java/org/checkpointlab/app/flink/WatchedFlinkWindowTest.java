package org.checkpointlab.app.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.checkpointlab.flink.embedded.EmbeddedFlinkEngine;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.client.ClusterConnection;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.views.flink.FlinkJobWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A word count running on an embedded Flink cluster, watched in its own window as File &gt; Connect to Flink opens
 * it: the cluster, the window and every client are closed after each test, with any dialog the window opened.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WatchedFlinkWindowTest {
    static final Duration POLL = Duration.ofMillis(200);

    @TempDir
    Path dir;
    final EmbeddedFlinkEngine engine;
    final List<JobClient> clients = new ArrayList<>();
    FlinkJobWindow window;

    WatchedFlinkWindowTest(EmbeddedFlinkEngine engine) {
        this.engine = engine;
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (window != null) {
            robot.interact(() -> {
                window.stage().close();
                List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof Stage s && s.getOwner() != null)
                        .forEach(w -> ((Stage) w).close());
            });
        }
        clients.forEach(JobClient::close);
        engine.shutdown();
    }

    /** Starts samples/word-count.json on the cluster, checkpointing every 300 ms, and waits until it runs. */
    JobClient runWordCount() throws Exception {
        JobConfig config = JobConfig.of(PipelineLoader.validating().load(Path.of("..", "samples", "word-count.json")))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(300)))
                .withOutputDir(dir.resolve("out"));
        JobClient run = engine.start(config);
        clients.add(run);
        assertThat(run.awaitRunning(Duration.ofSeconds(90))).isTrue();
        return run;
    }

    /** Opens {@code watched} in its window, as Connect to Flink does, and returns the window's Job menu. */
    Menu openWindow(FxRobot robot, JobClient watched, ClusterConnection cluster) {
        robot.interact(() -> window = FlinkJobWindow.show(null, watched, cluster, dir.resolve("savepoints")));
        return ((MenuBar) window.root().lookup(".menu-bar")).getMenus().get(0);
    }

    /** The root of the open dialog that holds a node matching {@code selector}. */
    static Node dialogWith(String selector) {
        WaitForAsyncUtils.waitForFxEvents();
        return Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot().lookup(selector) != null)
                .findFirst().orElseThrow().getScene().getRoot();
    }

    static MenuItem item(Menu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
