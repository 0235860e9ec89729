package org.checkpointlab.views;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.checkpointlab.views.i18n.Texts;

/**
 * The banner over the graph while a file failed to open or save ({@link MainViewModel#failureProperty()}): what
 * failed, which pipeline is still shown, and one line per problem. Hidden while there is no failure.
 */
final class LoadFailureBanner {
    private final MainViewModel viewModel;
    private final VBox banner;
    private final Label title;
    private final VBox problems;

    private LoadFailureBanner(MainViewModel viewModel, VBox banner, Label title, VBox problems) {
        this.viewModel = viewModel;
        this.banner = banner;
        this.title = title;
        this.problems = problems;
    }

    /** Shows the view model's failure in {@code banner} now and whenever it changes. */
    static void bind(MainViewModel viewModel, VBox banner, Label title, VBox problems) {
        LoadFailureBanner shown = new LoadFailureBanner(viewModel, banner, title, problems);
        viewModel.failureProperty().addListener((obs, old, failure) -> shown.show(failure));
        shown.show(viewModel.failureProperty().get());
    }

    private void show(LoadFailure failure) {
        banner.setVisible(failure != null);
        banner.setManaged(failure != null);
        problems.getChildren().clear();
        if (failure == null) {
            return;
        }
        title.setText(failure.saving() ? Texts.format("main.failure.saving", failure.summary())
                : viewModel.pipeline() == null ? failure.summary()
                : Texts.format("main.failure.stillShowing", failure.summary(), viewModel.pipeline().name()));
        for (String problem : failure.problems()) {
            Label line = new Label("\u2022 " + problem);
            line.getStyleClass().add(MainStyles.ERROR_PROBLEM);
            line.setWrapText(true);
            problems.getChildren().add(line);
        }
    }
}
