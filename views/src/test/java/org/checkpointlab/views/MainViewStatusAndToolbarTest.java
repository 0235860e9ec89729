package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status strip and the toolbar say what holds and stay readable. */
@ExtendWith(ApplicationExtension.class)
class MainViewStatusAndToolbarTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    private MainViewModel viewModel;
    private MainView view;

    @Start
    void start(Stage stage) {
        viewModel = new MainViewModel(PipelineLoader.validating()::load, new SampleCatalog(SAMPLES), new PipelineGraphViewModel());
        view = MainView.load(viewModel);
        viewModel.openAtStart(List.of());
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void shutdown(FxRobot robot) {
        robot.interact(view::shutdown);
    }

    @Test
    void aPipelineThatCannotRun_showsWhy_withoutReadyToRunBesideIt(FxRobot robot) {
        Label job = robot.lookup("#jobLabel").queryAs(Label.class);
        assertThat(job.getText()).startsWith(LiveJobViewModel.READY);

        robot.interact(viewModel::newPipeline);
        WaitForAsyncUtils.waitForFxEvents();

        Label problem = robot.lookup("#runProblemLabel").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).startsWith("Cannot run:");
        assertThat(job.getText()).isEmpty();
        assertThat(job.isManaged()).isFalse();
    }

    @Test
    void atHumanSpeed_theToolbarButtonsKeepTheirWholeText(FxRobot robot) {
        robot.interact(() -> viewModel.live().speedProperty().set(LiveJobViewModel.MIN_SPEED));
        WaitForAsyncUtils.waitForFxEvents();

        ToolBar toolbar = robot.lookup(".main-toolbar").queryAs(ToolBar.class);
        assertThat(toolbar.getItems()).filteredOn(n -> n instanceof ButtonBase && n.isVisible())
                .isNotEmpty()
                .allSatisfy(n -> {
                    ButtonBase b = (ButtonBase) n;
                    if (b.getScene() != null && b.getWidth() > 0) { // items in the overflow menu are not laid out
                        assertThat(b.getWidth()).as(b.getText()).isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
                    }
                });
        Label speed = (Label) toolbar.getItems().stream().filter(n -> n.getStyleClass().contains("speed-label"))
                .findFirst().orElseThrow();
        assertThat(speed.getText()).contains("0.001");
        javafx.scene.text.Text text = new javafx.scene.text.Text(speed.getText());
        text.setFont(speed.getFont());
        assertThat(speed.getMinWidth()).as("a fixed width that holds the slowest speed's text")
                .isEqualTo(speed.getPrefWidth())
                .isGreaterThanOrEqualTo(text.getLayoutBounds().getWidth() + speed.getPadding().getLeft()
                        + speed.getPadding().getRight());
    }

    @Test
    void legendHeadings_wrapInsteadOfBeingCut(FxRobot robot) {
        assertThat(robot.lookup(".legend-section").queryAllAs(Label.class)).isNotEmpty()
                .allSatisfy(l -> assertThat(l.isWrapText()).as(l.getText()).isTrue());
    }
}
