package org.checkpointlab.views.savepoints;



import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;

import javafx.scene.Parent;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "Rescale via savepoint" dialog ({@code RescaleView.fxml}) bound to a {@link RescaleViewModel}: the operator
 * table with a spinner per operator (id {@code parallelism-<operator>}, as in the restore dialog), the problems of
 * the current choice, and Rescale / Cancel. Rescale closes the dialog once the rescale has started; the main
 * window's status line reports how it ended.
 */
import org.checkpointlab.views.controls.Fxml;

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
        return Fxml.showModal(owner, "Rescale via savepoint", view.root());
    }

    @FXML
    private void initialize() {
        operatorTable.getColumns().add(column("Operator", OperatorRestoreRow::id, 150));
        operatorTable.getColumns().add(column("Kind", OperatorRestoreRow::kind, 140));
        operatorTable.getColumns().add(column("Parallelism now", r -> Integer.toString(r.savedParallelism()), 125));
        operatorTable.getColumns().add(column("Max parallelism", r -> Integer.toString(r.maxParallelism()), 125));
        TableColumn<OperatorRestoreRow, OperatorRestoreRow> edit = new TableColumn<>("New parallelism");
        edit.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        edit.setCellFactory(c -> new ParallelismSpinnerCell());
        edit.setPrefWidth(140);
        edit.setSortable(false);
        operatorTable.getColumns().add(edit);
        operatorTable.setItems(viewModel.operators());
        operatorTable.setPlaceholder(new Label("No running job: run the pipeline first."));
        viewModel.problems().addListener((ListChangeListener<String>) c -> showProblems());
        showProblems();
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        rescaleButton.disableProperty().bind(viewModel.feasibleProperty().not());
    }

    private void showProblems() {
        problemsBox.getChildren().clear();
        for (String p : viewModel.problems()) {
            Label line = new Label("\u2022 " + p);
            line.setWrapText(true);
            line.setMaxWidth(Double.MAX_VALUE);
            line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            line.getStyleClass().add("problem");
            problemsBox.getChildren().add(line);
        }
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

    private static <T> TableColumn<T, String> column(String title, Function<T, String> text, double width) {
        TableColumn<T, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        col.setPrefWidth(width);
        col.setSortable(false);
        return col;
    }
}
