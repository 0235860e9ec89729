package org.checkpointlab.views.savepoints;

import static org.checkpointlab.views.controls.Tables.textColumn;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.views.controls.SavepointDirectories;
import org.checkpointlab.views.controls.Fxml;
import org.checkpointlab.views.controls.ProblemLines;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.Units;

/**
 * The restore dialog's content ({@code RestoreView.fxml}), bound to a {@link RestoreViewModel}: the new parallelism
 * of each operator is a spinner bounded by its max parallelism (id {@code parallelism-<operator>}).
 * {@link #showDialog} opens it in its own window, which Close and Escape close.
 */
public final class RestoreView {
    /** On the outcome line when the restore did not happen: drawn as a failure, not in the success colour. */
    public static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final RestoreViewModel viewModel;
    private final Parent root;

    @FXML private TextField pathField;
    @FXML private Label summaryLabel;
    @FXML private VBox problemsBox;
    @FXML private TableView<OperatorRestoreRow> operatorTable;
    @FXML private ComboBox<StateBackendKind> backendChoice;
    @FXML private CheckBox incrementalBox;
    @FXML private CheckBox allowNonRestoredBox;
    @FXML private Button restoreButton;
    @FXML private Label outcomeLabel;
    @FXML private TableView<KeyGroupTakeover> takeoverTable;
    @FXML private javafx.scene.layout.HBox forwardBox;
    @FXML private Label forwardLabel;

    public RestoreView(RestoreViewModel viewModel) {
        this.viewModel = viewModel;
        root = Fxml.load(this, "RestoreView.fxml");
    }

    public Parent root() {
        return root;
    }

    /** Opens the dialog as a window owned by {@code owner}, starting in {@code directory} when it exists. */
    public static Stage showDialog(Window owner, RestoreViewModel viewModel) {
        RestoreView view = new RestoreView(viewModel);
        return Fxml.closableOnEscape(Fxml.showModal(owner, Texts.get("restore.title"), view.root()));
    }

    @FXML
    private void initialize() {
        SavepointDirectories.showPath(pathField, viewModel.pathProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        ProblemLines.follow(problemsBox, viewModel.problems());
        operatorTable.getColumns().add(textColumn(Texts.get("column.operator"),
                r -> r.inPipeline() ? r.id() : Texts.format("restore.notInPipeline", r.id()), 160));
        operatorTable.getColumns().add(textColumn(Texts.get("column.kind"), OperatorRestoreRow::kind, 120));
        operatorTable.getColumns().add(textColumn(Texts.get("column.savedParallelism"), r -> r.savedParallelism() == 0
                ? Texts.get("restore.noState")
                : Integer.toString(r.savedParallelism()), 115));
        operatorTable.getColumns().add(textColumn(Texts.get("column.maxParallelism"),
                r -> Integer.toString(r.maxParallelism()), 105));
        operatorTable.getColumns().add(textColumn(Texts.get("column.stateSize"), r -> Units.bytes(r.stateBytes()), 90));
        operatorTable.getColumns().add(ParallelismSpinnerCell.column(130));
        operatorTable.setItems(viewModel.operators());
        Label reading = new Label(); // the read runs in the background: say so where the table will be
        reading.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.readingProperty())
                .then(Texts.get("restore.reading")).otherwise(""));
        operatorTable.setPlaceholder(reading);

        backendChoice.setItems(FXCollections.observableArrayList(StateBackendKind.values()));
        backendChoice.valueProperty().bindBidirectional(viewModel.backendProperty());
        incrementalBox.selectedProperty().bindBidirectional(viewModel.incrementalProperty());
        allowNonRestoredBox.selectedProperty().bindBidirectional(viewModel.allowNonRestoredStateProperty());
        restoreButton.disableProperty().bind(viewModel.savepointProperty().isNull());
        outcomeLabel.textProperty().bind(viewModel.outcomeProperty());
        viewModel.outcomeFailedProperty().addListener((obs, o, failed) ->
                outcomeLabel.pseudoClassStateChanged(FAILED, failed));

        viewModel.forwardConflicts().addListener((ListChangeListener<org.checkpointlab.model.pipeline.EdgeSpec>) c ->
                showForwardConflicts());
        showForwardConflicts();

        takeoverTable.getColumns().add(textColumn(Texts.get("column.operator"), KeyGroupTakeover::operatorId, 140));
        takeoverTable.getColumns().add(textColumn(Texts.get("column.newSubtask"), t -> "#" + t.subtask(), 90));
        takeoverTable.getColumns().add(textColumn(Texts.get("column.keyGroups"),
                t -> t.range() + " (" + t.range().size() + ")", 130));
        takeoverTable.getColumns().add(textColumn(Texts.get("column.takenOverFrom"), KeyGroupTakeover::sourcesText,
                380));
        takeoverTable.setItems(viewModel.takeover());
        takeoverTable.setPlaceholder(new Label(Texts.get("restore.takeover.placeholder")));
    }

    @FXML
    private void browse() {
        SavepointDirectories.browse(root.getScene().getWindow(), viewModel.pathProperty(), viewModel::load);
    }

    @FXML
    private void load() {
        SavepointDirectories.loadTyped(pathField, viewModel.pathProperty(), viewModel::load);
    }

    @FXML
    private void restore() {
        viewModel.restore();
    }

    /** Offers forward → rebalance while a forward edge's ends have different parallelism. */
    private void showForwardConflicts() {
        var conflicts = viewModel.forwardConflicts();
        forwardBox.setVisible(!conflicts.isEmpty());
        forwardBox.setManaged(!conflicts.isEmpty());
        forwardLabel.setText(conflicts.isEmpty() ? "" : Texts.format(conflicts.size() == 1
                ? "restore.forwardConflicts.one" : "restore.forwardConflicts.many",
                String.join(", ", conflicts.stream().map(e -> e.from() + " \u2192 " + e.to()).toList())));
    }

    @FXML
    private void rebalance() {
        viewModel.changeForwardToRebalance();
    }

    @FXML
    private void close() {
        ((Stage) root.getScene().getWindow()).close();
    }
}
