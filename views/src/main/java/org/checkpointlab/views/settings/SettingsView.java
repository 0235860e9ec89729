package org.checkpointlab.views.settings;

import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.Retention;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.pipeline.CheckpointOptionsJson;
import org.checkpointlab.views.controls.Fxml;
import org.checkpointlab.views.controls.ProblemLines;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.OptionTexts;

/**
 * The Settings panel ({@code SettingsView.fxml}): one row per checkpoint option (label, field, Flink's default),
 * the problems of the form as the user types, the backend / restart strategy section and the session's activity
 * log, bound to a {@link SettingsViewModel}. Fields have ids {@code setting-<key>} for tests and tools.
 */
public final class SettingsView {
    /** On the outcome line when Apply did not do everything ({@code .settings-message:warning}). */
    public static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final SettingsViewModel viewModel;
    private final JobSession session;
    private final Parent root;

    @FXML private GridPane optionsGrid;
    @FXML private VBox problemsBox;
    @FXML private Button applyButton;
    @FXML private Label messageLabel;
    @FXML private ComboBox<StateBackendKind> backendChoice;
    @FXML private CheckBox incrementalBox;
    @FXML private ComboBox<RestartChoice> restartChoice;
    @FXML private TextField attemptsField;
    @FXML private TextField delayField;
    @FXML private VBox redeployProblemsBox;
    @FXML private Button redeployButton;
    @FXML private ListView<String> activityList;

    public SettingsView(SettingsViewModel viewModel, JobSession session) {
        this.viewModel = viewModel;
        this.session = session;
        root = Fxml.load(this, "SettingsView.fxml");
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        int row = 0;
        for (String key : CheckpointOptionsJson.KEYS) {
            Node field = switch (key) {
                case "mode" -> choice(FXCollections.observableArrayList(CheckpointingMode.values()),
                        viewModel.modeProperty());
                case "unaligned" -> {
                    CheckBox box = new CheckBox(Texts.get("settings.unaligned.box"));
                    box.selectedProperty().bindBidirectional(viewModel.unalignedProperty());
                    yield box;
                }
                case "retention" -> choice(FXCollections.observableArrayList(Retention.values()),
                        viewModel.retentionProperty());
                default -> {
                    TextField text = new TextField();
                    text.setPrefColumnCount(key.equals("directory") ? 22 : 8);
                    text.setPromptText(key.equals("directory") ? Texts.format("settings.directory.prompt",
                            OptionTexts.MEMORY_STORAGE) : "");
                    text.textProperty().bindBidirectional(viewModel.text(key));
                    yield text;
                }
            };
            field.setId("setting-" + key);
            Label label = new Label(OptionTexts.label(key));
            Label dflt = new Label(Texts.format("settings.flinkDefault", SettingsViewModel.defaultText(key)));
            dflt.getStyleClass().add("default-hint");
            optionsGrid.addRow(row++, label, field, dflt);
        }
        ProblemLines.follow(problemsBox, viewModel.problems());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        viewModel.messageWarnsProperty().addListener((obs, o, warns) ->
                messageLabel.pseudoClassStateChanged(WARNING, warns));

        backendChoice.setItems(FXCollections.observableArrayList(StateBackendKind.values()));
        backendChoice.valueProperty().bindBidirectional(viewModel.backendProperty());
        incrementalBox.selectedProperty().bindBidirectional(viewModel.incrementalProperty());
        restartChoice.setItems(FXCollections.observableArrayList(RestartChoice.values()));
        restartChoice.valueProperty().bindBidirectional(viewModel.restartProperty());
        attemptsField.textProperty().bindBidirectional(viewModel.restartAttemptsProperty());
        delayField.textProperty().bindBidirectional(viewModel.restartDelayProperty());
        ProblemLines.follow(redeployProblemsBox, viewModel.redeployProblems());
        redeployButton.disableProperty().bind(session.busyProperty()
                .or(javafx.beans.binding.Bindings.isNull(session.jobProperty())));
        activityList.setItems(session.activity());
        session.activity().addListener((ListChangeListener<String>) c ->
                activityList.scrollTo(session.activity().size() - 1));
    }

    private static <T> ComboBox<T> choice(ObservableList<T> values, ObjectProperty<T> property) {
        ComboBox<T> box = new ComboBox<>(values);
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    @FXML
    private void apply() {
        viewModel.apply();
    }

    @FXML
    private void revert() {
        viewModel.revert();
    }

    @FXML
    private void defaults() {
        viewModel.resetToDefaults();
    }

    @FXML
    private void redeploy() {
        viewModel.redeploy();
    }
}
