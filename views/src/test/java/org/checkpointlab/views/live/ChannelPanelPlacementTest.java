package org.checkpointlab.views.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import org.checkpointlab.views.MainWindow;
import org.checkpointlab.views.graph.OperatorNode;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Channel panels are never hidden under cards, even when the user drags two cards close together. */
@ExtendWith(ApplicationExtension.class)
class ChannelPanelPlacementTest {
    @RegisterExtension
    final MainWindow window = MainWindow.onLocalEngine("placement-savepoints",
            () -> MainWindow.SAMPLES.resolve("two-source-union.json"), live -> { });

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    @Test
    void cardsDraggedCloseTogether_pushTheChannelPanelBelowThem(FxRobot robot) throws Exception {
        PipelineGraphViewModel graph = window.viewModel().graph();
        OperatorNode union = graph.node("union").orElseThrow();
        OperatorNode count = graph.node("count").orElseThrow();
        // count right beside union: the union -> count panel would sit between and under them
        robot.interact(() -> count.moveTo(union.x() + union.width() + 40, union.y()));
        robot.interact(window.viewModel()::run);
        assertThat(window.viewModel().session().job().awaitRunning(Duration.ofSeconds(20))).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> window.view().liveGraph().overlay().places()
                .stream().anyMatch(p -> p.edge().from().id().equals("union") && !p.rows().isEmpty())));

        for (ChannelOverlay.PanelPlace panel : fx(() -> window.view().liveGraph().overlay().places())) {
            for (OperatorNode node : graph.nodes()) {
                Bounds card = new BoundingBox(node.x(), node.y(), node.width(), node.height());
                assertThat(panel.bounds().intersects(card))
                        .as("panel of %s -> %s under card %s", panel.edge().from().id(), panel.edge().to().id(),
                                node.id())
                        .isFalse();
            }
        }
        ChannelOverlay.PanelPlace moved = fx(() -> window.view().liveGraph().overlay().places().stream()
                .filter(p -> p.edge().from().id().equals("union")).findFirst().orElseThrow());
        assertThat(moved.header()).as("a panel pushed away from its edge names it").isTrue();
    }
}
