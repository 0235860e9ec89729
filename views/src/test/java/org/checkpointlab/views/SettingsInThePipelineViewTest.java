package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.views.live.BarrierMode;
import org.checkpointlab.views.session.FakeJobClient;
import org.checkpointlab.views.settings.SettingsView;
import org.checkpointlab.views.settings.SettingsViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Checkpoint settings belong to the pipeline: set in the Settings tab before any Run, they are one undoable edit,
 * are saved with the file, come back when it is reopened, show in the toolbar, and are what Run starts the job with.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsInThePipelineViewTest {
    @TempDir
    static Path dir;

    private final FakeJobClient.Launcher engine = FakeJobClient.Launcher.everyCapability();
    private Path file;

    @RegisterExtension
    final MainWindow window = MainWindow.onFakeEngine(engine, () -> dir, () -> 100_000L, viewModel -> {
        file = dir.resolve("settings-" + System.nanoTime() + ".json");
        PipelineJson.write(TestPipelines.wordCount(), file); // no checkpointing section: Flink's defaults
        viewModel.open(file);
    });

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }

    private void showSettings(FxRobot robot) {
        robot.interact(() -> robot.lookup(".tab-pane").queryAllAs(TabPane.class).forEach(pane -> {
            for (Tab tab : pane.getTabs()) {
                if ("Settings".equals(tab.getText())) {
                    pane.getSelectionModel().select(tab);
                }
            }
        }));
    }

    private void type(FxRobot robot, String fieldId, String text) {
        TextField field = robot.lookup(fieldId).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
        assertThat(field.getText()).isEqualTo(text);
    }

    /** Scrolls the Settings tab to a control, as a user would, and clicks it. */
    private void clickInSettings(FxRobot robot, String query) {
        Node apply = robot.lookup(query).query();
        robot.interact(() -> {
            Node n = apply.getParent();
            while (!(n instanceof ScrollPane)) {
                n = n.getParent();
            }
            ScrollPane scroll = (ScrollPane) n;
            Node content = scroll.getContent();
            Bounds at = content.sceneToLocal(apply.localToScene(apply.getBoundsInLocal()));
            double range = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (at.getMinY() - 40) / range)));
        });
        robot.clickOn(apply);
    }

    private MenuItem undoItem(FxRobot robot) {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "edit-undo".equals(i.getId()))
                .findFirst().orElseThrow();
    }

    @Test
    void intervalSetBeforeRun_isAnUndoableEdit_savedWithTheFile_andTheJobRunsWithIt(FxRobot robot) throws Exception {
        showSettings(robot);
        assertThat(robot.lookup("#setting-interval").queryAs(TextField.class).getText()).isEqualTo("off");
        assertThat(robot.lookup("#applyButton").queryButton().isDisabled()).as("Apply works without a job").isFalse();

        type(robot, "#setting-interval", "3s");
        clickInSettings(robot, "#setting-unaligned .box");
        clickInSettings(robot, "#applyButton");

        Label message = robot.lookup(".settings-message").queryAs(Label.class);
        assertThat(message.getText()).isEqualTo(SettingsViewModel.SAVED_FOR_RUN);
        assertThat(message.getPseudoClassStates()).doesNotContain(SettingsView.WARNING);
        assertThat(fx(() -> undoItem(robot).getText()))
                .isEqualTo("Undo Set checkpoint interval 3s, unaligned checkpoints true");
        assertThat(window.viewModel().titleProperty().get()).startsWith(MainViewModel.UNSAVED_MARK);
        // the toolbar's choice box is bound both ways to this property
        assertThat(window.viewModel().live().barrierModeProperty().get())
                .as("the toolbar shows the pipeline's barrier mode before Run").isEqualTo(BarrierMode.UNALIGNED);

        assertThat(fx(window.viewModel()::save)).isTrue();
        assertThat(PipelineJson.read(file).checkpointing().written()).isEqualTo(Map.of("interval", "3s", "unaligned", true));

        Path other = dir.resolve("other-" + System.nanoTime() + ".json");
        PipelineJson.write(TestPipelines.broadcast(), other);
        robot.interact(() -> window.viewModel().open(other));
        assertThat(robot.lookup("#setting-interval").queryAs(TextField.class).getText())
                .as("another pipeline, its own settings").isEqualTo("off");
        assertThat(window.viewModel().live().barrierModeProperty().get()).isEqualTo(BarrierMode.ALIGNED);
        robot.interact(() -> window.viewModel().open(file));
        assertThat(robot.lookup("#setting-interval").queryAs(TextField.class).getText()).isEqualTo("3s");
        assertThat(window.viewModel().live().barrierModeProperty().get()).isEqualTo(BarrierMode.UNALIGNED);

        assertThat(fx(window.viewModel()::run)).isTrue();
        FakeJobClient job = engine.last();
        assertThat(job.checkpointOptions().interval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(job.checkpointOptions().unaligned()).isTrue();
    }

    @Test
    void applyWhileTheJobRuns_updatesTheJob_andTheNextRunKeepsIt(FxRobot robot) throws Exception {
        assertThat(fx(window.viewModel()::run)).isTrue();
        FakeJobClient first = engine.last();
        showSettings(robot);
        type(robot, "#setting-interval", "750ms");
        clickInSettings(robot, "#applyButton");

        assertThat(first.checkpointOptions().interval()).isEqualTo(Duration.ofMillis(750));
        assertThat(robot.lookup(".settings-message").queryAs(Label.class).getText())
                .isEqualTo(SettingsViewModel.SAVED_AND_APPLIED);
        assertThat(window.viewModel().edits().current().spec().checkpointing().written())
                .isEqualTo(Map.of("interval", "750ms"));

        robot.interact(() -> {
            window.viewModel().session().cancel();
            window.viewModel().live().refresh(System.nanoTime());
        });
        assertThat(window.viewModel().live().activeProperty().get()).isFalse();
        assertThat(fx(window.viewModel()::run)).isTrue();
        FakeJobClient second = engine.last();
        assertThat(second).isNotSameAs(first);
        assertThat(second.checkpointOptions().interval()).as("not reset by the next Run")
                .isEqualTo(Duration.ofMillis(750));
        assertThat(Objects.requireNonNull(robot.lookup("#setting-interval").queryAs(TextField.class).getText()))
                .isEqualTo("750ms");
    }
}
