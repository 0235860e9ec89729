package org.checkpointlab.views.savepoints;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import org.checkpointlab.views.i18n.Texts;

/**
 * The "New parallelism" cell of an operator table (restore and rescale dialogs): a spinner from 1 to the
 * operator's max parallelism, bound to the row's new parallelism, with id {@code parallelism-<operator>}.
 * Operators not in the pipeline show "(dropped)".
 */
public final class ParallelismSpinnerCell extends TableCell<OperatorRestoreRow, OperatorRestoreRow> {

    /** The "New parallelism" column of a restore or rescale table: one spinner per row, {@code width} wide. */
    static TableColumn<OperatorRestoreRow, OperatorRestoreRow> column(double width) {
        TableColumn<OperatorRestoreRow, OperatorRestoreRow> column = new TableColumn<>(Texts.get("column.newParallelism"));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new ParallelismSpinnerCell());
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    @Override
    protected void updateItem(OperatorRestoreRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null || !row.inPipeline()) {
            setGraphic(null);
            setText(empty || row == null ? null : Texts.get("savepoints.dropped"));
            return;
        }
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, row.maxParallelism(),
                        row.newParallelism().get());
        Spinner<Integer> spinner = new Spinner<>(factory);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        spinner.setId("parallelism-" + row.id());
        factory.valueProperty().addListener((obs, o, v) -> {
            if (v != null) {
                row.newParallelism().set(v);
            }
        });
        setText(null);
        setGraphic(spinner);
    }
}
