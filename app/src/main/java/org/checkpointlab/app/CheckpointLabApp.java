package org.checkpointlab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.checkpointlab.views.MainView;
import org.checkpointlab.views.MainViewModel;
import org.checkpointlab.views.PipelineFiles;
import org.checkpointlab.views.SampleCatalog;
import org.checkpointlab.views.graph.PipelineGraphViewModel;

/**
 * The JavaFX application: wires the main window's view model to real pipeline files and the samples folder,
 * shows the window, and opens the pipeline named by the first program argument (or the word-count sample).
 */
public final class CheckpointLabApp extends Application {
    static final double WIDTH = 1400;
    static final double HEIGHT = 900;

    @Override
    public void start(Stage stage) {
        MainViewModel viewModel = new MainViewModel(PipelineFiles::load, SampleCatalog.fromSystemProperties(),
                new PipelineGraphViewModel());
        MainView view = MainView.load(viewModel);
        stage.setScene(new Scene(view.root(), WIDTH, HEIGHT));
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        viewModel.openAtStart(getParameters().getRaw());
        stage.show();
    }
}
