package org.checkpointlab.views.charts;

import java.io.File;
import java.io.IOException;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.fxml.FXML;

import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.checkpointlab.views.i18n.Texts;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Charts panel ({@code ChartsView.fxml}): one card per {@link ChartKind} with a {@link ChartViewer} (tooltips,
 * zoom by dragging) and buttons to export the chart as PNG and its data as CSV, plus the chooser of the operator whose
 * backpressure is drawn. Where exports go is asked through {@code fileChooser}, replaceable in tests.
 */
import org.checkpointlab.views.controls.Fxml;

public final class ChartsView {
    /** Height of one chart card. */
    public static final double CHART_HEIGHT = 250;

    private final ChartsViewModel viewModel;
    private final Parent root;
    private final Map<ChartKind, ChartViewer> viewers = new EnumMap<>(ChartKind.class);
    private Function<String, Path> saveLocation;

    @FXML private ComboBox<String> operatorChoice;
    @FXML private VBox cards;

    public ChartsView(ChartsViewModel viewModel) {
        this.viewModel = viewModel;
        root = Fxml.load(this, "ChartsView.fxml");
        saveLocation = this::askWhereToSave;
    }

    public Parent root() {
        return root;
    }

    public ChartViewer viewer(ChartKind kind) {
        return viewers.get(kind);
    }

    /** Replaces the save dialog (tests): maps a suggested file name to the target, or null to cancel. */
    public void setSaveLocation(Function<String, Path> saveLocation) {
        this.saveLocation = saveLocation;
    }

    @FXML
    private void initialize() {
        operatorChoice.setItems(viewModel.operators());
        operatorChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : Texts.format("charts.operator", viewModel.operatorName(id), id);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        operatorChoice.valueProperty().bindBidirectional(viewModel.shownOperatorProperty());
        for (ChartKind kind : ChartKind.values()) {
            cards.getChildren().add(card(kind));
        }
    }

    private VBox card(ChartKind kind) {
        ChartViewer viewer = new ChartViewer(viewModel.chart(kind));
        // The wheel scrolls the panel, not the chart under the pointer: JFreeChart's wheel zoom would fix the
        // axes of every chart the pointer passes, and a fixed time axis stops following the job (its new points
        // and markers fall beyond it). Zooming stays on the drag, which a drag to the left undoes.
        viewer.getCanvas().setOnScroll(null);
        viewer.setPrefHeight(CHART_HEIGHT);
        viewer.setMinHeight(CHART_HEIGHT);
        viewers.put(kind, viewer);
        Label exportLabel = new Label(Texts.get("charts.export"));
        exportLabel.getStyleClass().add("chart-export-label");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button png = new Button("PNG\u2026");
        png.setId(kind.fileName() + "-png");
        png.setOnAction(e -> export(kind, ".png"));
        Button csv = new Button("CSV\u2026");
        csv.setId(kind.fileName() + "-csv");
        csv.setOnAction(e -> export(kind, ".csv"));
        HBox header = new HBox(6, gap, exportLabel, png, csv);
        header.getStyleClass().add("chart-header");
        VBox card = new VBox(header, viewer);
        card.getStyleClass().add("chart-card");
        return card;
    }

    private void export(ChartKind kind, String extension) {
        Path target = saveLocation.apply(kind.fileName() + extension);
        if (target == null) {
            return;
        }
        try {
            if (extension.equals(".png")) {
                viewModel.exportPng(kind, target, 1200, 500);
            } else {
                viewModel.exportCsv(kind, target);
            }
        } catch (IOException | RuntimeException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, Texts.format("charts.export.cannotWrite", target,
                    e.getMessage()));
            alert.setHeaderText(Texts.get("charts.export.failed"));
            alert.show();
        }
    }

    private Path askWhereToSave(String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.format("charts.export.title", suggested));
        chooser.setInitialFileName(suggested);
        File chosen = chooser.showSaveDialog(root.getScene().getWindow());
        return chosen == null ? null : chosen.toPath();
    }
}
