package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window's stylesheets resolve: opening it with a sample logs no CSS warning (a lookup such as
 * {@code -cl-text-muted} that cannot be resolved falls back to JavaFX's defaults and floods the terminal).
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowStylesTest {
    /** JavaFX's CSS engine logs through the platform logger {@code javafx.css}. */
    private static final Logger CSS_LOG = Logger.getLogger("javafx.css");
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler collector = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private MainView view;

    @Start
    void start(Stage stage) {
        CSS_LOG.addHandler(collector);
        MainViewModel viewModel = new MainViewModel(PipelineLoader.validating(),
                new SampleCatalog(Path.of("..", "samples")), new PipelineGraphViewModel());
        view = MainView.load(viewModel);
        viewModel.openAtStart(List.of(Path.of("..", "samples", "word-count.json").toString()));
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void shutdown(FxRobot robot) {
        CSS_LOG.removeHandler(collector);
        robot.interact(view::shutdown);
    }

    @Test
    void openingTheWindowWithASample_logsNoCssWarning(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".operator-card").queryAll()).as("the sample's operators are drawn").hasSize(4);
        assertThat(warnings).isEmpty();
    }
}
