package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import org.checkpointlab.model.client.EngineSelection;
import org.checkpointlab.model.client.JobEngine;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.views.engine.EngineChoiceView;
import org.checkpointlab.views.engine.EngineChoiceViewModel;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.testfx.api.FxRobot;

/** The main window as the app builds it (the engine choice in the toolbar), and whether its toolbar overflows. */
final class ToolbarFit {
    /** The app's window in a 1600 × 1000 screen. */
    static final double WIDTH = 1580;
    static final double HEIGHT = 960;

    private ToolbarFit() {
    }

    /**
     * The window's content laid out at {@code width} × {@link #HEIGHT} in a scene of its own, not shown: headless
     * Monocle's screen is 1280 pixels wide, and a bigger window overflows its frame buffer. {@code stage} shows a
     * placeholder.
     */
    static MainView show(Stage stage, double width) {
        MainViewModel viewModel = new MainViewModel(PipelineLoader.validating()::load,
                new SampleCatalog(Path.of("..", "samples")), new PipelineGraphViewModel());
        MainView view = MainView.load(viewModel);
        view.install(new EngineChoiceView(new EngineChoiceViewModel(new EngineSelection(List.of(JobEngine.local())),
                viewModel.session(), viewModel.graph().pipelineProperty(), viewModel.live().activeProperty())));
        viewModel.openAtStart(List.of());
        new Scene(view.root(), width, HEIGHT);
        view.root().applyCss();
        view.root().layout();
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 200, 100));
        stage.show();
        return view;
    }

    /** Every item of the main toolbar is laid out inside it, none behind the overflow button. */
    static void assertEveryControlVisible(FxRobot robot, MainView view) {
        robot.interact(() -> {
            view.root().applyCss();
            view.root().layout();
        });
        ToolBar toolbar = robot.from(view.root()).lookup(".main-toolbar").queryAs(ToolBar.class);
        Bounds bar = toolbar.localToScene(toolbar.getLayoutBounds());
        assertThat(robot.from(toolbar).lookup(".tool-bar-overflow-button").queryAllAs(Node.class)).as("the overflow button »")
                .allSatisfy(n -> assertThat(n.isVisible()).isFalse());
        for (Node item : toolbar.getItems()) {
            assertThat(item.getScene()).as("%s is in the toolbar, not in its overflow menu", item).isNotNull();
            Bounds b = item.localToScene(item.getLayoutBounds());
            assertThat(b.getMaxX()).as("%s ends inside the toolbar", item).isLessThanOrEqualTo(bar.getMaxX());
            assertThat(b.getWidth()).as("%s is laid out", item).isPositive();
        }
    }
}
