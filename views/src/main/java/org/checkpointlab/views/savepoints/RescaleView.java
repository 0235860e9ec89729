package org.checkpointlab.views.savepoints;

import static org.checkpointlab.views.controls.Tables.textColumn;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.checkpointlab.views.controls.Fxml;
import org.checkpointlab.views.controls.ProblemLines;
import org.checkpointlab.views.i18n.Texts;

/**
 * The "Rescale via savepoint" dialog ({@code RescaleView.fxml}) bound to a {@link RescaleViewModel}: the operator
 * table with a spinner per operator (id {@code parallelism-<operator>}, as in the restore dialog), the problems of
 * the current choice, and Rescale / Cancel. Rescale closes the dialog once the rescale has started; the main
 * window's status line reports how it ended.
 */
public final class RescaleView {
    private final RescaleViewModel viewModel;
    private final Parent root;

    @FXML private TableView<OperatorRestoreRow> operatorTable;
    @FXML private VBox problemsBox;
    @FXML private Label summaryLabel;
    @FXML private Button rescaleButton;

    public RescaleView(RescaleViewModel viewModel) {
        this.viewModel = viewModel;
        root = Fxml.load(this, "RescaleView.fxml");
    }

    public Parent root() {
        return root;
    }

    /** Opens the dialog as a window owned by {@code owner}. */
    public static Stage showDialog(Window owner, RescaleViewModel viewModel) {
        RescaleView view = new RescaleView(viewModel);
        return Fxml.showModal(owner, Texts.get("rescale.title"), view.root());
    }

    @FXML
    private void initialize() {
        operatorTable.getColumns().add(textColumn(Texts.get("column.operator"), OperatorRestoreRow::id, 150));
        operatorTable.getColumns().add(textColumn(Texts.get("column.kind"), OperatorRestoreRow::kind, 140));
        operatorTable.getColumns().add(textColumn(Texts.get("column.parallelismNow"),
                r -> Integer.toString(r.savedParallelism()), 125));
        operatorTable.getColumns().add(textColumn(Texts.get("column.maxParallelism"),
                r -> Integer.toString(r.maxParallelism()), 125));
        operatorTable.getColumns().add(ParallelismSpinnerCell.column(140));
        operatorTable.setItems(viewModel.operators());
        operatorTable.setPlaceholder(new Label(Texts.get("rescale.noJob.placeholder")));
        ProblemLines.follow(problemsBox, viewModel.problems());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        rescaleButton.disableProperty().bind(viewModel.feasibleProperty().not());
    }

    @FXML
    private void rescale() {
        if (viewModel.rescale()) {
            close();
        }
    }

    @FXML
    private void close() {
        ((Stage) root.getScene().getWindow()).close();
    }
}
