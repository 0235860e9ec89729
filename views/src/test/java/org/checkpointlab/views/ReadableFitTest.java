package org.checkpointlab.views;

import org.checkpointlab.model.pipeline.PipelineLoader;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.checkpointlab.views.graph.PipelineGraphView;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A pipeline too big for the window opens at a readable zoom, showing its sources; small ones still fit whole. */
@ExtendWith(ApplicationExtension.class)
class ReadableFitTest {
    private MainViewModel viewModel;
    private MainView view;

    @Start
    void start(Stage stage) {
        viewModel = new MainViewModel(PipelineLoader.validating(), new SampleCatalog(Path.of("..", "samples")),
                new PipelineGraphViewModel());
        view = MainView.load(viewModel);
        viewModel.openAtStart(List.of(Path.of("..", "samples", "twenty-operators.json").toString()));
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void shutdown(FxRobot robot) {
        robot.interact(view::shutdown);
    }

    @Test
    void twentyOperators_opensAtAReadableZoom_withItsFirstSourceInView(FxRobot robot) {
        PipelineGraphView graph = view.graphView();
        robot.interact(graph::fitToWindow);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(graph.zoomProperty().get()).isGreaterThanOrEqualTo(PipelineGraphView.READABLE_FIT_ZOOM);
        Bounds canvas = graph.localToScene(graph.getBoundsInLocal());
        Bounds source = graph.card("src-a").orElseThrow().localToScene(graph.card("src-a").orElseThrow()
                .getBoundsInLocal());
        assertThat(canvas.contains(source)).as("the first source is in view").isTrue();
        assertThat(graph.getPseudoClassStates()).doesNotContain(PipelineGraphView.ZOOMED_OUT);
    }
}
