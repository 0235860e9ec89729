package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every toolbar control is on screen in the app's window of a 1600-pixel screen, in English. */
@ExtendWith(ApplicationExtension.class)
class ToolbarFitsTest {
    private MainView view;

    @Start
    void start(Stage stage) {
        view = ToolbarFit.show(stage, ToolbarFit.WIDTH);
    }

    @AfterEach
    void shutdown(FxRobot robot) {
        robot.interact(view::shutdown);
    }

    @Test
    void everyControl_isVisibleAt1600Pixels(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        ToolbarFit.assertEveryControlVisible(robot, view);
    }

    @Test
    void theSecondaryActions_showIcons_andSayWhatTheyDoInTheirTooltips(FxRobot robot) {
        Button fit = robot.from(view.root()).lookup("#fitButton").queryAs(Button.class);
        assertThat(fit.getContentDisplay()).isEqualTo(ContentDisplay.GRAPHIC_ONLY);
        assertThat(fit.getGraphic()).isNotNull();
        assertThat(fit.getText()).isEqualTo("Fit");
        assertThat(fit.getTooltip().getText()).contains("Fit the graph to the window");
        Button save = robot.from(view.root()).lookup("#saveButton").queryAs(Button.class);
        assertThat(save.getTooltip().getText()).contains("Ctrl+S");
        Button run = robot.from(view.root()).lookup("#runButton").queryAs(Button.class);
        assertThat(run.getContentDisplay()).as("the job's controls keep their words")
                .isNotEqualTo(ContentDisplay.GRAPHIC_ONLY);
    }
}
