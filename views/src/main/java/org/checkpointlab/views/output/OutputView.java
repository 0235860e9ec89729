package org.checkpointlab.views.output;

import static org.checkpointlab.views.controls.Tables.textColumn;

import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.checkpointlab.model.observe.SinkOutputSnapshot.CommittedRecord;
import org.checkpointlab.model.observe.SinkOutputSnapshot.OpenTransaction;
import org.checkpointlab.views.controls.Fxml;
import org.checkpointlab.views.i18n.Texts;

/**
 * The Output panel ({@code OutputView.fxml}): binds the delivery line, the sink table and the selected sink's open
 * transactions and last committed records to an {@link OutputViewModel}. A row's verdict is coloured by its
 * {@link VerdictKind}, through pseudo-classes {@code :held}, {@code :violated}, {@code :pending},
 * {@code :checking} and {@code :not-computable}.
 */
public final class OutputView {
    private final OutputViewModel viewModel;
    private final Parent root;

    @FXML private Label deliveryLabel;
    @FXML private Label messageLabel;
    @FXML private TableView<SinkRow> sinkTable;
    @FXML private TableView<OpenTransaction> openTable;
    @FXML private TableView<CommittedRecord> recentTable;

    public OutputView(OutputViewModel viewModel) {
        this.viewModel = viewModel;
        root = Fxml.load(this, "OutputView.fxml");
    }

    public Parent root() {
        return root;
    }

    /** The pseudo-class a verdict of {@code kind} is shown with. */
    public static PseudoClass pseudoClass(VerdictKind kind) {
        return PseudoClass.getPseudoClass(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    @FXML
    private void initialize() {
        deliveryLabel.textProperty().bind(viewModel.deliveryProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.managedProperty().bind(viewModel.messageProperty().isNotEmpty());
        viewModel.deliveryKindProperty().addListener((obs, o, k) -> showKind(deliveryLabel, k));
        showKind(deliveryLabel, viewModel.deliveryKindProperty().get());
        buildSinkTable();
        openTable.getColumns().add(textColumn(Texts.get("column.subtask"), t -> Integer.toString(t.subtask()), 70));
        openTable.getColumns().add(textColumn(Texts.get("column.checkpoint"), t -> "#" + t.checkpointId(), 90));
        openTable.getColumns().add(textColumn(Texts.get("column.records"), t -> Integer.toString(t.records()), 80));
        openTable.getColumns().add(textColumn(Texts.get("column.transaction"), OpenTransaction::transactionId, 120));
        openTable.setPlaceholder(new Label(Texts.get("output.noOpenTransaction")));
        openTable.setItems(viewModel.openTransactions());
        recentTable.getColumns().add(textColumn(Texts.get("column.key"), r -> r.key() == null ? "" : r.key(), 140));
        recentTable.getColumns().add(textColumn(Texts.get("column.value"), CommittedRecord::value, 140));
        recentTable.setPlaceholder(new Label(Texts.get("output.nothingCommitted")));
        recentTable.setItems(viewModel.recentRecords());
    }

    private void buildSinkTable() {
        sinkTable.getColumns().add(textColumn(Texts.get("column.sink"), SinkRow::sinkId, 80));
        sinkTable.getColumns().add(textColumn(Texts.get("column.kind"), SinkRow::kind, 110));
        sinkTable.getColumns().add(textColumn(Texts.get("column.committed"), r -> String.format("%,d", r.committed()), 80));
        sinkTable.getColumns().add(textColumn(Texts.get("column.openTxns"), r -> Texts.format("output.openTxns.cell",
                r.openTransactions(), r.pendingRecords()), 110));
        sinkTable.getColumns().add(textColumn(Texts.get("column.digest"), SinkRow::digest, 130));
        // The verdict takes the room left; the delivery line above shows it whole.
        sinkTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<SinkRow, String> verdict = textColumn(Texts.get("column.delivery"), SinkRow::verdict, 220);
        verdict.setCellFactory(col -> {
            TableCell<SinkRow, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.getStyleClass().add("verdict-cell");
            return cell;
        });
        sinkTable.getColumns().add(verdict);
        sinkTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(SinkRow row, boolean empty) {
                super.updateItem(row, empty);
                for (VerdictKind k : VerdictKind.values()) {
                    pseudoClassStateChanged(pseudoClass(k), !empty && row != null && row.verdictKind() == k);
                }
            }
        });
        sinkTable.setPlaceholder(new Label(Texts.get("output.noSinkOutput")));
        sinkTable.setItems(viewModel.sinks());
        sinkTable.getSelectionModel().selectedItemProperty().addListener((obs, o, row) -> {
            if (row != null) {
                viewModel.select(row.sinkId());
            }
        });
    }

    private static void showKind(Label label, VerdictKind kind) {
        for (VerdictKind k : VerdictKind.values()) {
            label.pseudoClassStateChanged(pseudoClass(k), k == kind);
        }
    }
}
