package org.checkpointlab.views;

import java.util.Locale;
import javafx.stage.Stage;
import org.checkpointlab.views.i18n.Texts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every toolbar control is on screen in the app's window of a 1600-pixel screen, in Chinese. In a JVM of its own
 * (views/pom.xml), as every test of another language.
 */
@ExtendWith(ApplicationExtension.class)
class ToolbarFitsInChineseTest {
    private MainView view;

    @Start
    void start(Stage stage) {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
        view = ToolbarFit.show(stage, ToolbarFit.WIDTH);
    }

    @AfterEach
    void shutdown(FxRobot robot) {
        robot.interact(view::shutdown);
    }

    @AfterAll
    static void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void everyControl_isVisibleAt1600Pixels(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        ToolbarFit.assertEveryControlVisible(robot, view);
    }
}
