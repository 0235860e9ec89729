package org.checkpointlab.views.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.views.MainView;
import org.checkpointlab.views.MainViewModel;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.views.SampleCatalog;
import org.checkpointlab.views.graph.OperatorNode;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Channel panels are never hidden under cards, even when the user drags two cards close together. */
@ExtendWith(ApplicationExtension.class)
class ChannelPanelPlacementTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    private MainViewModel viewModel;
    private MainView view;

    @Start
    void start(Stage stage) {
        LiveJobViewModel live = new LiveJobViewModel(new JobSession(JobLauncher.local(), TaskRunner.sameThread(),
                Path.of("target", "placement-savepoints")), LiveJobViewModel.WATCHABLE_BUFFERS,
                System::currentTimeMillis);
        viewModel = new MainViewModel(PipelineLoader.validating(), new SampleCatalog(SAMPLES), new PipelineGraphViewModel(),
                live);
        view = MainView.load(viewModel);
        viewModel.open(SAMPLES.resolve("two-source-union.json"));
        stage.setScene(new Scene(view.root(), 1200, 780));
        stage.show();
    }

    @AfterEach
    void stopJob(FxRobot robot) {
        robot.interact(() -> view.shutdown());
        JobClient job = viewModel.session().job();
        if (job != null) {
            job.close();
        }
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    @Test
    void cardsDraggedCloseTogether_pushTheChannelPanelBelowThem(FxRobot robot) throws Exception {
        PipelineGraphViewModel graph = viewModel.graph();
        OperatorNode union = graph.node("union").orElseThrow();
        OperatorNode count = graph.node("count").orElseThrow();
        // count right beside union: the union -> count panel would sit between and under them
        robot.interact(() -> count.moveTo(union.x() + union.width() + 40, union.y()));
        robot.interact(viewModel::run);
        assertThat(viewModel.session().job().awaitRunning(Duration.ofSeconds(20))).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> view.liveGraph().overlay().places().stream()
                .anyMatch(p -> p.edge().from().id().equals("union") && !p.rows().isEmpty())));

        for (ChannelOverlay.PanelPlace panel : fx(() -> view.liveGraph().overlay().places())) {
            for (OperatorNode node : graph.nodes()) {
                Bounds card = new BoundingBox(node.x(), node.y(), node.width(), node.height());
                assertThat(panel.bounds().intersects(card))
                        .as("panel of %s -> %s under card %s", panel.edge().from().id(), panel.edge().to().id(),
                                node.id())
                        .isFalse();
            }
        }
        ChannelOverlay.PanelPlace moved = fx(() -> view.liveGraph().overlay().places().stream()
                .filter(p -> p.edge().from().id().equals("union")).findFirst().orElseThrow());
        assertThat(moved.header()).as("a panel pushed away from its edge names it").isTrue();
    }
}
