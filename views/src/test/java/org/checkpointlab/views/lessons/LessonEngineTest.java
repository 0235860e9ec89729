package org.checkpointlab.views.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.checkpointlab.model.client.EngineSelection;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobEngine;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.views.MainView;
import org.checkpointlab.views.MainViewModel;
import org.checkpointlab.views.SampleCatalog;
import org.checkpointlab.views.engine.EngineChoiceView;
import org.checkpointlab.views.engine.EngineChoiceViewModel;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A lesson's steps pause, step and look into channels, which only the local engine shows and does: opening a lesson
 * while another engine is chosen picks the local engine for its run (a newcomer with Embedded Flink still chosen
 * waited forever at lesson 2's "blocked channel" step).
 */
@ExtendWith(ApplicationExtension.class)
class LessonEngineTest {
    /** An engine that shows no channels and cannot step; never started here. */
    private static final JobEngine OTHER = new JobEngine() {
        @Override
        public String id() {
            return JobEngine.EMBEDDED_FLINK;
        }

        @Override
        public String displayName() {
            return "Another engine";
        }

        @Override
        public JobClient start(JobConfig config) {
            throw new AssertionError("the lesson's job must not start on " + displayName());
        }
    };

    private MainView view;
    private EngineChoiceView engineChoice;

    @Start
    void start(Stage stage) {
        MainViewModel viewModel = new MainViewModel(PipelineLoader.validating()::load,
                new SampleCatalog(Path.of("..", "samples")), new PipelineGraphViewModel());
        view = MainView.load(viewModel);
        engineChoice = new EngineChoiceView(new EngineChoiceViewModel(
                new EngineSelection(List.of(JobEngine.local(), OTHER)), viewModel.session(),
                viewModel.graph().pipelineProperty(), viewModel.live().activeProperty()));
        view.install(engineChoice);
        viewModel.openAtStart(List.of());
        stage.setScene(new Scene(view.root(), 1280, 900));
        stage.show();
    }

    @AfterEach
    void shutdown(FxRobot robot) {
        robot.interact(view::shutdown);
    }

    @Test
    void openingALesson_choosesTheLocalEngine(FxRobot robot) {
        robot.interact(() -> engineChoice.viewModel().choose(JobEngine.EMBEDDED_FLINK));
        assertThat(engineChoice.viewModel().engineProperty().get().id()).isEqualTo(JobEngine.EMBEDDED_FLINK);

        List<List<String>> problems = new java.util.ArrayList<>();
        robot.interact(() -> problems.add(view.lessons().open("barrier-alignment")));

        assertThat(problems).containsExactly(List.of());
        assertThat(engineChoice.viewModel().engineProperty().get().id()).isEqualTo(JobEngine.LOCAL);
    }
}
