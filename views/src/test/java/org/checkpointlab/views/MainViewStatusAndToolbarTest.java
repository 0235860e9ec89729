package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The status strip and the toolbar say what holds and stay readable. */
@ExtendWith(ApplicationExtension.class)
class MainViewStatusAndToolbarTest {
    @RegisterExtension
    final MainWindow window = MainWindow.withSamples();

    @Test
    void aPipelineThatCannotRun_showsWhy_withoutReadyToRunBesideIt(FxRobot robot) {
        Label job = robot.lookup("#jobLabel").queryAs(Label.class);
        assertThat(job.getText()).startsWith(LiveJobViewModel.READY);

        robot.interact(window.viewModel()::newPipeline);
        WaitForAsyncUtils.waitForFxEvents();

        Label problem = robot.lookup("#runProblemLabel").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).startsWith("Cannot run:");
        assertThat(job.getText()).isEmpty();
        assertThat(job.isManaged()).isFalse();
    }

    @Test
    void atHumanSpeed_theToolbarButtonsKeepTheirWholeText(FxRobot robot) {
        robot.interact(() -> window.viewModel().live().speedProperty().set(LiveJobViewModel.MIN_SPEED));
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
