package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import org.checkpointlab.model.client.JobClient.Capability;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.views.session.FakeJobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A job on an engine without pause, slow motion or live checkpoint options (Flink): the toolbar's controls for them
 * are disabled while it runs, instead of taking a click that does nothing; they come back once it ended.
 */
@ExtendWith(ApplicationExtension.class)
class EngineWithoutLiveControlsTest {
    @TempDir
    static Path dir;

    private final FakeJobClient.Launcher engine = new FakeJobClient.Launcher(EnumSet.of(Capability.FAILURE_INJECTION));

    @RegisterExtension
    final MainWindow window = MainWindow.onFakeEngine(engine, () -> dir, () -> 100_000L, viewModel -> {
        Path file = dir.resolve("word-count.json");
        PipelineJson.write(TestPipelines.wordCount(), file);
        viewModel.open(file);
    });

    /** A toolbar item by id, also when a narrow window put it in the toolbar's overflow menu. */
    private static <T> T toolbarItem(FxRobot robot, String id, Class<T> type) {
        return robot.lookup(".tool-bar").queryAllAs(javafx.scene.control.ToolBar.class).stream()
                .flatMap(bar -> bar.getItems().stream()).filter(n -> id.equals(n.getId())).map(type::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void pauseSpeedAndBarriers_areDisabledWhileSuchAJobRuns(FxRobot robot) throws Exception {
        ToggleButton pause = toolbarItem(robot, "pauseToggle", ToggleButton.class);
        Slider speed = toolbarItem(robot, "speedSlider", Slider.class);
        ChoiceBox<?> barriers = toolbarItem(robot, "barrierChoice", ChoiceBox.class);
        assertThat(pause.isDisabled()).isFalse();
        assertThat(speed.isDisabled()).isFalse();
        assertThat(barriers.isDisabled()).isFalse();

        assertThat(WaitForAsyncUtils.asyncFx(window.viewModel()::run).get()).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pause.isDisabled()).isTrue();
        assertThat(speed.isDisabled()).isTrue();
        assertThat(barriers.isDisabled()).isTrue();

        robot.interact(() -> window.viewModel().live().stop());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pause.isDisabled()).isFalse();
        assertThat(speed.isDisabled()).isFalse();
        assertThat(barriers.isDisabled()).isFalse();
        assertThat(engine.last().commands).containsExactly("cancel");
    }

    @Test
    void pause_isDisabledWhileNothingRuns_andThePipelineCannotRun(FxRobot robot) throws Exception {
        ToggleButton pause = toolbarItem(robot, "pauseToggle", ToggleButton.class);
        assertThat(pause.isDisabled()).as("word count can run: pause now, it starts paused").isFalse();
        assertThat(WaitForAsyncUtils.asyncFx(window.viewModel()::newPipeline).get()).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel().runBlockedProperty().get()).isNotEmpty();
        assertThat(pause.isDisabled()).as("an empty pipeline: nothing to pause").isTrue();
    }
}
