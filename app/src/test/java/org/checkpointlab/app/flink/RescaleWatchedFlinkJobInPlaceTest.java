package org.checkpointlab.app.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import org.checkpointlab.flink.embedded.EmbeddedFlinkEngine;
import org.checkpointlab.flink.rest.FlinkClusterConnector;
import org.checkpointlab.model.client.ClusterConnection;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.checkpointlab.views.flink.RescaleInPlaceViewModel;
import org.checkpointlab.views.session.JobEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * A job on a Flink cluster run by the adaptive scheduler (an embedded MiniCluster with
 * {@code jobmanager.scheduler: adaptive}, no cooldown between rescales), watched in its own window as any Flink job
 * is: Job &gt; Rescale in place opens the dialog with the job vertices and the cluster's free slots, Rescale sends the
 * new parallelism, and the window's graph and snapshots then show the vertex at 3 subtasks, all running, with a
 * rescale marker in the events the charts draw.
 */
@Tag("flink-long") // over a minute on a loaded machine: `-Pflink-long` runs it
class RescaleWatchedFlinkJobInPlaceTest extends WatchedFlinkWindowTest {

    RescaleWatchedFlinkJobInPlaceTest() {
        super(new EmbeddedFlinkEngine(Map.of("jobmanager.scheduler", "adaptive",
                "jobmanager.adaptive-scheduler.executing.cooldown-after-rescaling", "0 ms"), 4));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void rescaleAVertexFrom2To3FromTheJobMenu_andTheWindowShowsItsNewSubtasks(FxRobot robot) throws Exception {
        runWordCount();
        // Watched as any Flink cluster's job: one operator per job vertex.
        ClusterConnection cluster = new FlinkClusterConnector(POLL).connect(engine.restAddress());
        JobClient watched = cluster.open(cluster.jobs().get(0).id());
        assertThat(watched.supports(JobClient.Capability.RESCALE_IN_PLACE)).isTrue();
        String counting = watched.pipeline().edges().get(0).to(); // the vertex behind the keyBy
        Menu jobMenu = openWindow(robot, watched, cluster);
        MenuItem rescale = item(jobMenu, "flink-rescale");
        assertThat(rescale.getText()).isEqualTo("Rescale _in place\u2026");
        assertThat(jobMenu.getItems()).noneMatch(i -> "flink-unsupported-inPlaceRescale".equals(i.getId()));

        waitFor(() -> !rescale.isDisable());
        robot.interact(rescale::fire);
        Node root = dialogWith("#rescale-table");
        @SuppressWarnings("unchecked")
        TableView<RescaleInPlaceViewModel.Row> table =
                (TableView<RescaleInPlaceViewModel.Row>) root.lookup("#rescale-table");
        assertThat(table.getItems()).extracting(RescaleInPlaceViewModel.Row::parallelism).containsOnly(2);
        Label slots = (Label) root.lookup("#rescale-slots");
        waitFor(() -> slots.getText().startsWith("2 of 4 task slots are free"));
        RescaleInPlaceViewModel.Row row = table.getItems().stream().filter(r -> r.id().equals(counting))
                .findFirst().orElseThrow();
        assertThat(row.highest().get()).isEqualTo(4);

        robot.interact(() -> {
            row.newParallelism().set(3);
            ((Button) root.lookup("#rescale-button")).fire();
        });
        Label outcome = (Label) root.lookup("#rescale-outcome");
        waitFor(() -> outcome.getText().startsWith("Requested"));

        // The window follows: the vertex at 3 in the graph, three subtasks running, a rescale marker.
        waitFor(() -> window.graphView().viewModel().nodes().stream()
                .anyMatch(n -> n.id().equals(counting) && n.parallelism() == 3));
        waitFor(() -> window.session().job().snapshot().subtasks().stream()
                .filter(s -> s.operatorIds().contains(counting) && s.status() == SubtaskStatus.RUNNING).count() == 3);
        waitFor(() -> window.session().events().stream().anyMatch(e -> e.kind() == JobEvent.Kind.RESCALE));
        assertThat(window.session().events()).filteredOn(e -> e.kind() == JobEvent.Kind.RESCALE).singleElement()
                .satisfies(e -> assertThat(e.description()).startsWith("rescaled in place: ").endsWith("2 \u2192 3"));
        assertThat(window.session().job()).isSameAs(watched); // the same job, rescaled: no restore
    }
}
