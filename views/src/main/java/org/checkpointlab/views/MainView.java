package org.checkpointlab.views;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.checkpointlab.views.graph.GraphStyles;
import org.checkpointlab.views.graph.OperatorRole;
import org.checkpointlab.views.graph.PipelineGraphView;
import org.checkpointlab.views.panels.JobPanels;

/**
 * Controller of the main window ({@code MainView.fxml}): menu bar, toolbar, problem banner, the pipeline graph
 * in the centre and a status bar. It binds controls to the {@link MainViewModel} and turns user gestures into
 * its commands; it holds no state of its own. Create it with {@link #load(MainViewModel)}.
 */
public final class MainView {
    private final MainViewModel viewModel;
    private final PipelineGraphView graphView;
    private final JobPanels jobPanels;
    private Parent root;

    @FXML private MenuBar menuBar;
    @FXML private Menu samplesMenu;
    @FXML private Menu jobMenu;
    @FXML private TabPane panelTabs;
    @FXML private StackPane graphHost;
    @FXML private Label emptyHint;
    @FXML private VBox errorBanner;
    @FXML private Label errorTitle;
    @FXML private VBox errorProblems;
    @FXML private Label statusLabel;
    @FXML private Label zoomLabel;
    @FXML private HBox legend;

    public MainView(MainViewModel viewModel) {
        this.viewModel = viewModel;
        this.graphView = new PipelineGraphView(viewModel.graph());
        this.jobPanels = JobPanels.forApp(viewModel::pipeline);
    }

    /** Loads {@code MainView.fxml} with a controller for this view model. */
    public static MainView load(MainViewModel viewModel) {
        URL fxml = MainView.class.getResource("MainView.fxml");
        if (fxml == null) {
            throw new IllegalStateException("MainView.fxml is missing next to " + MainView.class.getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(type -> {
            if (type != MainView.class) {
                throw new IllegalArgumentException("MainView.fxml asks for an unknown controller " + type);
            }
            return new MainView(viewModel);
        });
        try {
            Parent loaded = loader.load();
            MainView view = loader.getController();
            view.root = loaded;
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    public Parent root() {
        return root;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public PipelineGraphView graphView() {
        return graphView;
    }

    /** The checkpoint panels (right-hand tabs) and the job they show. */
    public JobPanels jobPanels() {
        return jobPanels;
    }

    @FXML
    private void initialize() {
        graphHost.getChildren().add(0, graphView);
        emptyHint.setText(MainViewModel.EMPTY_HINT);
        emptyHint.visibleProperty().bind(viewModel.emptyProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        zoomLabel.textProperty().bind(Bindings.format("%.0f %%", graphView.zoomProperty().multiply(100)));
        viewModel.failureProperty().addListener((obs, old, failure) -> showFailure(failure));
        showFailure(viewModel.failureProperty().get());
        fillLegend();
        samplesMenu.setOnShowing(event -> fillSamples());
        fillSamples();
        jobPanels.install(panelTabs, jobMenu);
    }

    /** One accent dot and name per operator role, so the card colours explain themselves. */
    private void fillLegend() {
        for (OperatorRole role : OperatorRole.values()) {
            Region dot = new Region();
            dot.getStyleClass().add(GraphStyles.CARD_ACCENT);
            Label entry = new Label(role.displayName(), dot);
            entry.getStyleClass().addAll(MainStyles.LEGEND_ENTRY, role.styleClass());
            legend.getChildren().add(entry);
        }
    }

    private void fillSamples() {
        samplesMenu.getItems().clear();
        for (Path sample : viewModel.samples()) {
            MenuItem item = new MenuItem(SampleCatalog.displayName(sample));
            item.setMnemonicParsing(false);
            item.setOnAction(event -> viewModel.open(sample));
            samplesMenu.getItems().add(item);
        }
        if (samplesMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No samples in " + viewModel.samplesDirectory().toAbsolutePath().normalize());
            none.setMnemonicParsing(false);
            none.setDisable(true);
            samplesMenu.getItems().add(none);
        }
    }

    private void showFailure(LoadFailure failure) {
        errorBanner.setVisible(failure != null);
        errorBanner.setManaged(failure != null);
        errorProblems.getChildren().clear();
        if (failure == null) {
            return;
        }
        errorTitle.setText(failure.summary()
                + (viewModel.pipeline() == null ? "" : " \u2013 still showing " + viewModel.pipeline().name()));
        for (String problem : failure.problems()) {
            Label line = new Label("\u2022 " + problem);
            line.getStyleClass().add(MainStyles.ERROR_PROBLEM);
            line.setWrapText(true);
            errorProblems.getChildren().add(line);
        }
    }

    @FXML
    private void openPipeline() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open pipeline");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Pipeline files (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Path start = viewModel.fileProperty().get() != null
                ? viewModel.fileProperty().get().toAbsolutePath().getParent()
                : viewModel.samplesDirectory().toAbsolutePath();
        if (start != null && Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        File chosen = chooser.showOpenDialog(menuBar.getScene().getWindow());
        if (chosen != null) {
            viewModel.open(chosen.toPath());
        }
    }

    @FXML
    private void fitToWindow() {
        graphView.fitToWindow();
    }

    @FXML
    private void autoLayout() {
        viewModel.graph().autoLayout();
        graphView.fitToWindow();
    }

    @FXML
    private void dismissFailure() {
        viewModel.dismissFailure();
    }

    @FXML
    private void quit() {
        Platform.exit();
    }
}
