package org.checkpointlab.views.state;

import static org.checkpointlab.views.controls.Tables.textColumn;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.checkpointlab.model.savepoint.KeyedStateEntry;
import org.checkpointlab.model.savepoint.SavepointState.OperatorState;
import org.checkpointlab.model.savepoint.SavepointState.SubtaskState;
import org.checkpointlab.views.controls.SavepointDirectories;
import org.checkpointlab.views.controls.Fxml;
import org.checkpointlab.views.controls.ProblemLines;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.Units;

/**
 * The State view ({@code StateView.fxml}), bound to a {@link StateViewModel}: a savepoint's operators, the selected
 * operator's subtasks with the key groups each holds, its keyed-state entries (of the selected subtask, or all), and
 * a key search. Tables have ids {@code operatorTable}, {@code subtaskTable}, {@code entryTable}; the search fields
 * {@code keyField} and {@code parallelismField}, its answer {@code resultLabel}. {@link #showDialog} opens it in its
 * own window, which Close and Escape close. The check box {@code liveCheck} follows the running job's latest
 * completed checkpoint instead of a directory.
 */
public final class StateView {
    private final StateViewModel viewModel;
    private final Parent root;

    @FXML private CheckBox liveCheck;
    @FXML private TextField pathField;
    @FXML private Label summaryLabel;
    @FXML private VBox problemsBox;
    @FXML private Label searchOperatorLabel;
    @FXML private TextField keyField;
    @FXML private TextField parallelismField;
    @FXML private Label resultLabel;
    @FXML private TableView<OperatorState> operatorTable;
    @FXML private TableView<SubtaskState> subtaskTable;
    @FXML private Label entriesLabel;
    @FXML private TableView<KeyedStateEntry> entryTable;
    @FXML private Button closeButton;

    public StateView(StateViewModel viewModel) {
        this.viewModel = viewModel;
        root = Fxml.load(this, "StateView.fxml");
    }

    public Parent root() {
        return root;
    }

    /** Opens the view as a window owned by {@code owner}. */
    public static Stage showDialog(Window owner, StateViewModel viewModel) {
        StateView view = new StateView(viewModel);
        return Fxml.closableOnEscape(Fxml.showModal(owner, viewModel.liveProperty().get()
                ? Texts.get("state.title.live") : Texts.get("state.title"), view.root()));
    }

    @FXML
    private void initialize() {
        liveCheck.selectedProperty().bindBidirectional(viewModel.liveProperty());
        SavepointDirectories.showPath(pathField, viewModel.pathProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        ProblemLines.follow(problemsBox, viewModel.problems());

        operatorTable.getColumns().add(textColumn(Texts.get("column.operator"), OperatorState::id, 95));
        operatorTable.getColumns().add(textColumn(Texts.get("column.kind"), OperatorState::kind, 120));
        operatorTable.getColumns().add(textColumn(Texts.get("column.parallelism"),
                o -> Integer.toString(o.parallelism()), 88));
        operatorTable.getColumns().add(textColumn(Texts.get("column.maxParallelism"),
                o -> Integer.toString(o.maxParallelism()), 115));
        operatorTable.getColumns().add(textColumn(Texts.get("column.keys"),
                o -> o.keyed() ? Long.toString(o.keyCount()) : "-", 50));
        operatorTable.setItems(viewModel.operators());
        operatorTable.setPlaceholder(new Label(Texts.get("state.load.placeholder")));
        operatorTable.getSelectionModel().selectedItemProperty().addListener((obs, o, op) -> {
            if (op != null) {
                viewModel.selectedOperatorProperty().set(op);
            }
        });
        viewModel.selectedOperatorProperty().addListener((obs, o, op) -> showSelectedOperator(op));
        // The view may open on a savepoint the view model read already: its operator is chosen.
        showSelectedOperator(viewModel.selectedOperatorProperty().get());

        subtaskTable.getColumns().add(textColumn(Texts.get("column.subtask"), s -> "#" + s.index(), 60));
        subtaskTable.getColumns().add(textColumn(Texts.get("column.keyGroups"), s -> s.keyGroups().size() == 0
                ? Texts.get("state.keyGroups.none")
                : s.keyGroups().start() + "-" + s.keyGroups().end() + " (" + s.keyGroups().size() + ")", 110));
        subtaskTable.getColumns().add(textColumn(Texts.get("column.keys"), s -> Long.toString(s.keyCount()), 50));
        subtaskTable.getColumns().add(textColumn(Texts.get("column.keyedState"), s -> Units.bytes(s.keyedBytes()), 90));
        subtaskTable.getColumns().add(textColumn(Texts.get("column.operatorState"),
                s -> Units.bytes(s.operatorBytes()), 110));
        subtaskTable.setItems(viewModel.subtasks());
        subtaskTable.getSelectionModel().selectedItemProperty().addListener((obs, o, s) ->
                viewModel.selectedSubtaskProperty().set(s));
        viewModel.selectedSubtaskProperty().addListener((obs, o, s) -> {
            if (s == null) {
                subtaskTable.getSelectionModel().clearSelection();
            } else {
                subtaskTable.getSelectionModel().select(s);
            }
        });

        entriesLabel.textProperty().bind(viewModel.entriesCaptionProperty());
        entryTable.getColumns().add(textColumn(Texts.get("column.subtask"), e -> "#" + e.subtask(), 65));
        entryTable.getColumns().add(textColumn(Texts.get("column.keyGroup"), e -> Integer.toString(e.keyGroup()), 75));
        entryTable.getColumns().add(textColumn(Texts.get("column.key"), KeyedStateEntry::keyText, 130));
        entryTable.getColumns().add(textColumn(Texts.get("column.state"), KeyedStateEntry::state, 80));
        entryTable.getColumns().add(textColumn(Texts.get("column.value"), e -> String.valueOf(e.value()), 160));
        entryTable.setItems(viewModel.entries());
        entryTable.setPlaceholder(new Label(Texts.get("state.noKeyedState.placeholder")));
        viewModel.foundProperty().addListener((obs, o, found) -> {
            if (found != null) {
                viewModel.entries().stream().filter(e -> e.key().equals(found.key())).findFirst()
                        .ifPresent(e -> {
                            entryTable.getSelectionModel().select(e);
                            entryTable.scrollTo(e);
                        });
            }
        });

        keyField.textProperty().bindBidirectional(viewModel.keyProperty());
        parallelismField.textProperty().bindBidirectional(viewModel.parallelismProperty());
        resultLabel.textProperty().bind(viewModel.resultProperty());
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
    private void find() {
        viewModel.find();
    }

    @FXML
    private void close() {
        ((Stage) root.getScene().getWindow()).close();
    }

    private void showSelectedOperator(OperatorState op) {
        operatorTable.getSelectionModel().select(op);
        searchOperatorLabel.setText(op == null ? Texts.get("state.keyIn") : Texts.format("state.keyIn.operator",
                op.id()));
    }
}
