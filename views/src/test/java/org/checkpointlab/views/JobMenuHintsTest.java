package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.checkpointlab.views.controls.MenuHints;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The Job menu is enabled exactly when its items can act, and a greyed item says why; the armed fail tool hints. */
@ExtendWith(ApplicationExtension.class)
class JobMenuHintsTest {
    @RegisterExtension
    final MainWindow window = MainWindow.withSamples();

    private static MenuItem item(FxRobot robot, String accelerator) {
        Menu job = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(m -> m.getText().equals("_Job")).findFirst().orElseThrow();
        return MenuHints.byAccelerator(job, accelerator).orElseThrow();
    }

    @Test
    void withoutAJob_stopAndCheckpointAreGreyedAndSayWhy_andAfterRunTheyAct(FxRobot robot) throws Exception {
        MenuItem run = item(robot, "Shortcut+R");
        MenuItem stop = item(robot, "Shortcut+T");
        MenuItem checkpoint = item(robot, "Shortcut+K");
        MenuItem savepoint = item(robot, "Shortcut+Shift+K");
        // the fail tool's toggle may sit in the toolbar's overflow menu in a narrow window: use its property
        var armed = window.viewModel().live().failToolArmedProperty();
        assertThat(run.isDisable()).isFalse();
        assertThat(stop.isDisable()).isTrue();
        assertThat(stop.getText()).isEqualTo("_Stop" + MenuHints.SEPARATOR + "no running job");
        assertThat(checkpoint.isDisable()).isTrue();
        assertThat(checkpoint.getText()).endsWith("no running job");
        assertThat(savepoint.isDisable()).isTrue();
        assertThat(savepoint.getText()).endsWith("no running job");

        robot.interact(window.viewModel()::run);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !stop.isDisable());

        assertThat(stop.getText()).isEqualTo("_Stop");
        assertThat(checkpoint.isDisable()).isFalse();
        assertThat(savepoint.isDisable()).isFalse();
        assertThat(run.isDisable()).isTrue();
        assertThat(run.getText()).endsWith("a job is running");
        assertThat(item(robot, "Shortcut+Shift+P").getText()).endsWith("pause first");

        // read in the same FX turn: a checkpoint completing on the next frame announces itself
        String[] said = new String[2];
        robot.interact(() -> {
            armed.set(true);
            said[0] = window.viewModel().live().announcementProperty().get();
            armed.set(false);
            said[1] = window.viewModel().live().announcementProperty().get();
        });
        assertThat(said[0]).isEqualTo(LiveJobViewModel.FAIL_ARMED_HINT);
        assertThat(said[1]).as("disarmed: the hint goes").isEmpty();
    }
}
