package org.checkpointlab.app.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import org.checkpointlab.flink.embedded.EmbeddedClusterConnector;
import org.checkpointlab.flink.embedded.EmbeddedFlinkEngine;
import org.checkpointlab.flink.rest.FlinkClusterConnector;
import org.checkpointlab.model.client.ClusterConnection;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.views.graph.OperatorNode;
import org.checkpointlab.views.savepoints.KeyGroupTakeover;
import org.checkpointlab.views.savepoints.OperatorRestoreRow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * A job the app ran on its embedded Flink cluster, opened through Connect to Flink's classes in its own window (the
 * real REST server of a MiniCluster): stop it with a savepoint from the window's Job menu, restore it from the
 * savepoint at new parallelism with the restore dialog and its key-group table, and the window follows the new job
 * with its new subtasks.
 */
@Tag("flink-long") // a minute or more on a loaded machine: `-Pflink-long` runs it
class RestoreWatchedFlinkJobTest extends WatchedFlinkWindowTest {

    RestoreWatchedFlinkJobTest() {
        super(new EmbeddedFlinkEngine());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void stopWithSavepointThenRestoreAtNewParallelismAndFollowTheNewJob(FxRobot robot) throws Exception {
        runWordCount();
        ClusterConnection cluster = new EmbeddedClusterConnector(new FlinkClusterConnector(POLL), engine, POLL)
                .connect(engine.restAddress());
        JobClient watched = cluster.open(cluster.jobs().get(0).id());
        Menu jobMenu = openWindow(robot, watched, cluster);
        MenuItem restore = item(jobMenu, "flink-restore");
        assertThat(restore.getText()).isEqualTo("_Restore from savepoint at new parallelism\u2026");
        assertThat(jobMenu.getItems()).noneMatch(i -> "flink-unsupported-restore".equals(i.getId()));

        // Stop with savepoint from the Job menu: the job ends, its savepoint is listed.
        waitFor(() -> !item(jobMenu, "flink-stop").isDisable());
        robot.interact(() -> item(jobMenu, "flink-stop").fire());
        waitFor(() -> watched.status() == JobStatus.FINISHED && !watched.savepoints().isEmpty());
        Path savepoint = watched.savepoints().get(0).path();
        assertThat(savepoint.resolve("_metadata")).isRegularFile();

        // The restore dialog opens on that savepoint, with the pipeline's operators and their saved state.
        waitFor(() -> !restore.isDisable());
        robot.interact(restore::fire);
        Node root = dialogWith("#restoreButton");
        assertThat(((Label) root.lookup("#summaryLabel")).getText()).contains("Word count");
        @SuppressWarnings("unchecked")
        TableView<OperatorRestoreRow> operators = (TableView<OperatorRestoreRow>) root.lookup("#operatorTable");
        assertThat(operators.getItems()).extracting(OperatorRestoreRow::id)
                .containsExactly("sentences", "split", "count", "output");
        OperatorRestoreRow count = operators.getItems().get(2);
        assertThat(count.maxParallelism()).isEqualTo(128);

        // count and output (a forward edge: both ends alike) at 3, and restore.
        robot.interact(() -> {
            count.newParallelism().set(3);
            operators.getItems().get(3).newParallelism().set(3);
        });
        robot.interact(() -> ((Button) root.lookup("#restoreButton")).fire());
        waitFor(() -> window.session().job() != watched && window.session().job() != null
                && window.session().job().status() == JobStatus.RUNNING);
        // The key-group table: count's 128 key groups over three new subtasks, taken from the two old ones.
        @SuppressWarnings("unchecked")
        TableView<KeyGroupTakeover> takeover = (TableView<KeyGroupTakeover>) root.lookup("#takeoverTable");
        waitFor(() -> takeover.getItems().size() == 3);
        assertThat(takeover.getItems()).extracting(KeyGroupTakeover::subtask).containsExactly(0, 1, 2);
        assertThat(takeover.getItems().get(1).sources()).hasSize(2); // the middle subtask takes from both
        // The window follows the new job: count at parallelism 3 in the graph, its three subtasks in the snapshot.
        waitFor(() -> window.graphView().viewModel().nodes().stream()
                .anyMatch(n -> n.id().equals("count") && n.parallelism() == 3));
        waitFor(() -> window.session().job().snapshot().subtasks().stream()
                .filter(s -> s.operatorIds().contains("count")).count() == 3);
        assertThat(window.graphView().viewModel().nodes()).extracting(OperatorNode::id)
                .containsExactly("sentences", "split", "count", "output");
        assertThat(watched.status()).isEqualTo(JobStatus.FINISHED);
        clients.add(window.session().job());
    }
}
