package org.checkpointlab.views.flink;

import static org.checkpointlab.views.controls.Tables.textColumn;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.checkpointlab.views.controls.Fxml;
import org.checkpointlab.views.controls.ProblemLines;

/**
 * The rescale-in-place dialog of a watched Flink job, bound to a {@link RescaleInPlaceViewModel}: what happens (the
 * job restarts from its latest checkpoint at the new parallelism), a table of the job vertices with a spinner for
 * the new parallelism of each (id {@code rescale-<vertex>}, bounded by max parallelism and free slots), the
 * cluster's slots, and Rescale / Close. Rescale is the confirmation; the outcome shows below the table and in the
 * window's status bar.
 */
public final class RescaleInPlaceDialog {
    private final VBox root = new VBox(8);

    public RescaleInPlaceDialog(RescaleInPlaceViewModel viewModel) {
        Label header = new Label(FlinkTexts.get("rescale.header"));
        header.setWrapText(true);
        header.setMaxWidth(620);
        header.setMinHeight(Region.USE_PREF_SIZE); // wrapped whole, never cut to "..."

        TableView<RescaleInPlaceViewModel.Row> table = new TableView<>(viewModel.rows());
        table.setId("rescale-table");
        table.getColumns().add(textColumn(FlinkTexts.get("rescale.column.vertex"),
                RescaleInPlaceViewModel.Row::name, 240));
        table.getColumns().add(textColumn(FlinkTexts.get("rescale.column.parallelism"),
                r -> Integer.toString(r.parallelism()), 90));
        table.getColumns().add(textColumn(FlinkTexts.get("rescale.column.max"),
                r -> Integer.toString(r.maxParallelism()), 110));
        table.getColumns().add(newParallelismColumn());
        table.setPrefHeight(60 + 28.0 * Math.min(8, viewModel.rows().size()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Label slots = new Label();
        slots.setId("rescale-slots");
        slots.setWrapText(true);
        slots.textProperty().bind(viewModel.slotsProperty());
        VBox problems = new VBox(2);
        ProblemLines.follow(problems, viewModel.problems());
        Label outcome = new Label();
        outcome.setId("rescale-outcome");
        outcome.setWrapText(true);
        outcome.getStyleClass().add("outcome");
        outcome.textProperty().bind(viewModel.outcomeProperty());
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        slots.setMinHeight(Region.USE_PREF_SIZE);
        // The window grows with what the lines below the table say.
        outcome.textProperty().addListener((obs, o, n) -> fitWindow());
        viewModel.problems().addListener((javafx.collections.ListChangeListener<String>) c -> fitWindow());

        Button rescale = new Button(FlinkTexts.get("rescale.button"));
        rescale.setId("rescale-button");
        rescale.setDefaultButton(true);
        rescale.disableProperty().bind(viewModel.requestingProperty());
        rescale.setOnAction(e -> viewModel.rescale());
        Button close = new Button(FlinkTexts.get("rescale.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> ((Stage) root.getScene().getWindow()).close());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, grow, rescale, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        root.getChildren().addAll(header, table, slots, problems, outcome, buttons);
        root.setPadding(new Insets(12));
        root.setPrefWidth(660);
    }

    private void fitWindow() {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            javafx.application.Platform.runLater(() -> root.getScene().getWindow().sizeToScene());
        }
    }

    public VBox root() {
        return root;
    }

    /** Opens the dialog as a window owned by {@code owner}; Close and Escape close it. */
    public static Stage show(Window owner, RescaleInPlaceViewModel viewModel) {
        return Fxml.closableOnEscape(Fxml.showModal(owner, FlinkTexts.get("rescale.title"),
                new RescaleInPlaceDialog(viewModel).root()));
    }

    private static TableColumn<RescaleInPlaceViewModel.Row, RescaleInPlaceViewModel.Row> newParallelismColumn() {
        TableColumn<RescaleInPlaceViewModel.Row, RescaleInPlaceViewModel.Row> column =
                new TableColumn<>(FlinkTexts.get("rescale.column.new"));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(RescaleInPlaceViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                        new SpinnerValueFactory.IntegerSpinnerValueFactory(1, row.highest().get(),
                                row.newParallelism().get());
                factory.maxProperty().bind(row.highest()); // lowered once the free slots are known
                factory.valueProperty().addListener((obs, o, v) -> {
                    if (v != null) {
                        row.newParallelism().set(v);
                    }
                });
                Spinner<Integer> spinner = new Spinner<>(factory);
                spinner.setEditable(true);
                spinner.setPrefWidth(110);
                spinner.setId("rescale-" + row.id());
                setGraphic(spinner);
            }
        });
        column.setPrefWidth(130);
        column.setSortable(false);
        return column;
    }
}
