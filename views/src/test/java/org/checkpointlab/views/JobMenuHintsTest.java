package org.checkpointlab.views;

import org.checkpointlab.model.pipeline.PipelineLoader;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.checkpointlab.views.controls.MenuHints;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Job menu is enabled exactly when its items can act, and a greyed item says why; the armed fail tool hints. */
@ExtendWith(ApplicationExtension.class)
class JobMenuHintsTest {
    private MainViewModel viewModel;
    private MainView view;

    @Start
    void start(Stage stage) {
        viewModel = new MainViewModel(PipelineLoader.validating(), new SampleCatalog(Path.of("..", "samples")),
                new PipelineGraphViewModel());
        view = MainView.load(viewModel);
        viewModel.openAtStart(List.of());
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void shutdown(FxRobot robot) {
        robot.interact(view::shutdown);
    }

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
        var armed = viewModel.live().failToolArmedProperty();
        assertThat(run.isDisable()).isFalse();
        assertThat(stop.isDisable()).isTrue();
        assertThat(stop.getText()).isEqualTo("_Stop" + MenuHints.SEPARATOR + "no running job");
        assertThat(checkpoint.isDisable()).isTrue();
        assertThat(checkpoint.getText()).endsWith("no running job");
        assertThat(savepoint.isDisable()).isTrue();
        assertThat(savepoint.getText()).endsWith("no running job");

        robot.interact(viewModel::run);
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
            said[0] = viewModel.live().announcementProperty().get();
            armed.set(false);
            said[1] = viewModel.live().announcementProperty().get();
        });
        assertThat(said[0]).isEqualTo(LiveJobViewModel.FAIL_ARMED_HINT);
        assertThat(said[1]).as("disarmed: the hint goes").isEmpty();
    }
}
