package org.checkpointlab.views.editor;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.views.MainView;
import org.checkpointlab.views.MainViewModel;
import org.checkpointlab.views.SampleCatalog;
import org.checkpointlab.views.graph.PipelineGraphViewModel;

/** The main window as the editor tests use it: no pipeline files, no samples, 1200×800. */
final class EditorWindow {
    private EditorWindow() {
    }

    /** Shows a main window with an empty canvas on {@code stage}; samples are looked for (and not found) in dir. */
    static MainView show(Stage stage, Path dir) {
        MainViewModel viewModel = new MainViewModel(file -> {
            throw new PipelineException(List.of("no files in this test"));
        }, new SampleCatalog(dir.resolve("no-samples")), new PipelineGraphViewModel());
        MainView view = MainView.load(viewModel);
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
        return view;
    }
}
