package org.checkpointlab.views.checkpoints;

import static org.checkpointlab.views.controls.Tables.textColumn;

import java.util.Map;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.views.controls.Fxml;
import org.checkpointlab.views.controls.HiddenTabContent;
import org.checkpointlab.views.controls.RowsInPlace;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.Units;

/**
 * The Checkpoints panel ({@code CheckpointsView.fxml}): binds the tables, tiles and timeline to a
 * {@link CheckpointsViewModel}. Selecting a history row shows that checkpoint's detail.
 */
public final class CheckpointsView {
    public static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    public static final PseudoClass IN_PROGRESS = PseudoClass.getPseudoClass("in-progress");
    public static final PseudoClass SAVEPOINT = PseudoClass.getPseudoClass("savepoint");

    private final CheckpointsViewModel viewModel;
    private final Parent root;

    @FXML private FlowPane counts;
    @FXML private VBox latest;
    private Label[] tileValues;
    private Label[] latestLines;
    @FXML private TableView<CheckpointStats> historyTable;
    @FXML private Label detailTitle;
    @FXML private TabPane tabs;
    @FXML private TabPane detailTabs;
    @FXML private StackPane timelineHost;
    @FXML private TableView<PhaseStatistics> operatorTable;
    @FXML private TableView<SubtaskCheckpointStats> subtaskTable;
    @FXML private TableView<PhaseStatistics> summaryTable;
    @FXML private TableView<Map.Entry<String, String>> configurationTable;

    public CheckpointsView(CheckpointsViewModel viewModel) {
        this.viewModel = viewModel;
        root = Fxml.load(this, "CheckpointsView.fxml");
    }

    public Parent root() {
        return root;
    }

    public TableView<CheckpointStats> historyTable() {
        return historyTable;
    }

    @FXML
    private void initialize() {
        viewModel.overviewProperty().addListener((obs, o, v) -> showOverview(v));
        showOverview(viewModel.overviewProperty().get());
        buildHistory();
        buildStatistics(operatorTable, true);
        operatorTable.setItems(viewModel.byOperator());
        buildStatistics(summaryTable, false);
        summaryTable.setItems(viewModel.summary());
        buildSubtasks();
        configurationTable.getColumns().add(textColumn(Texts.get("checkpoints.column.option"), Map.Entry::getKey, 230));
        configurationTable.getColumns().add(textColumn(Texts.get("checkpoints.column.value"), Map.Entry::getValue,
                360));
        configurationTable.setItems(viewModel.configuration());
        timelineHost.getChildren().setAll(new CheckpointTimeline(viewModel.timeline()));
        HiddenTabContent.detachWhileHidden(tabs);
        HiddenTabContent.detachWhileHidden(detailTabs);
        viewModel.selectedProperty().addListener((obs, o, c) -> showSelected(c));
        showSelected(viewModel.selectedProperty().get());
    }

    /**
     * Shows the overview in the tiles and lines built once: a snapshot a few times a second changes some texts,
     * and only a text that differs is set (new labels every time cost a CSS pass and a skin each).
     */
    private void showOverview(CheckpointOverview v) {
        if (tileValues == null) {
            String[] names = {Texts.get("checkpoints.count.triggered"), Texts.get("checkpoints.count.inProgress"),
                Texts.get("checkpoints.count.completed"), Texts.get("checkpoints.count.failed"),
                Texts.get("checkpoints.count.restored")};
            tileValues = new Label[names.length];
            for (int i = 0; i < names.length; i++) {
                tileValues[i] = new Label();
                tileValues[i].getStyleClass().add("tile-value");
                Label caption = new Label(names[i]);
                caption.getStyleClass().add("tile-caption");
                VBox tile = new VBox(tileValues[i], caption);
                tile.getStyleClass().add("overview-tile");
                counts.getChildren().add(tile);
            }
            latestLines = new Label[4];
            for (int i = 0; i < latestLines.length; i++) {
                latestLines[i] = new Label();
                latestLines[i].getStyleClass().add("overview-line");
                latest.getChildren().add(latestLines[i]);
            }
        }
        int[] values = {v.triggered(), v.inProgress(), v.completed(), v.failed(), v.restored()};
        for (int i = 0; i < values.length; i++) {
            tileValues[i].setText(Integer.toString(values[i]));
        }
        latestLines[0].setText(Texts.format("checkpoints.latest.completed", v.latestCompleted().map(c ->
                Texts.format("checkpoints.latest.completed.value", c.id(), Units.clock(c.latestAckTimestamp()),
                        Units.millis(c.endToEndMillis()), Units.bytes(c.checkpointedSize())))
                .orElse(Texts.get("checkpoints.latest.noneYet"))));
        latestLines[1].setText(Texts.format("checkpoints.latest.failed", v.latestFailed().map(c ->
                Texts.format("checkpoints.latest.failed.value", c.id(), Units.clock(c.triggerTimestamp()),
                        CheckpointFailureTexts.of(c))).orElse(Texts.get("checkpoints.latest.none"))));
        latestLines[2].setText(Texts.format("checkpoints.latest.savepoint", v.latestSavepoint().map(c ->
                Texts.format("checkpoints.latest.savepoint.value", c.id(), Units.clock(c.latestAckTimestamp()),
                        Units.bytes(c.fullSize()))).orElse(Texts.get("checkpoints.latest.none"))));
        latestLines[3].setText(Texts.format("checkpoints.latest.restore", v.latestRestore().map(r ->
                Texts.format("checkpoints.latest.restore.value", r.restoredCheckpointId() > 0
                        ? Texts.format(v.isStartSavepoint(r.restoredCheckpointId())
                                ? "checkpoints.latest.restore.savepoint" : "checkpoints.latest.restore.checkpoint",
                                r.restoredCheckpointId())
                        : Texts.get("checkpoints.latest.restore.noState"), Units.clock(r.restoreTimestamp())))
                .orElse(v.restoredFrom() == null ? Texts.get("checkpoints.latest.none")
                        : v.startSavepointId() > 0 ? Texts.format("checkpoints.latest.restore.startedFromSavepoint",
                                v.startSavepointId(), java.nio.file.Path.of(v.restoredFrom()).getFileName())
                        : Texts.format("checkpoints.latest.restore.startedFrom", v.restoredFrom()))));
        for (Label line : latestLines) { // a narrow panel cuts a line short: its tooltip has it whole
            String whole = line == latestLines[3] && v.restoredFrom() != null
                    ? line.getText() + "\n" + v.restoredFrom() : line.getText();
            if (line.getTooltip() == null) {
                line.setTooltip(new javafx.scene.control.Tooltip());
            }
            line.getTooltip().setText(whole);
        }
    }

    private void buildHistory() {
        historyTable.getColumns().add(textColumn(Texts.get("checkpoints.column.id"), c -> c.savepoint()
                ? Texts.format("checkpoints.id.savepoint", c.id()) : Long.toString(c.id()), 95));
        historyTable.getColumns().add(textColumn(Texts.get("checkpoints.column.status"), c -> c.unaligned()
                ? Texts.format("checkpoints.status.unaligned", c.status().name()) : c.atLeastOnce()
                ? Texts.format("checkpoints.status.atLeastOnce", c.status().name()) : c.status().name(), 190));
        historyTable.getColumns().add(textColumn(Texts.get("checkpoints.column.acknowledged"),
                c -> c.acknowledged() + "/" + c.total(), 95));
        historyTable.getColumns().add(textColumn(Texts.get("checkpoints.column.triggerTime"),
                c -> Units.clock(c.triggerTimestamp()), 100));
        historyTable.getColumns().add(textColumn(Texts.get("checkpoints.column.latestAck"),
                c -> Units.clock(c.latestAckTimestamp()), 100));
        historyTable.getColumns().add(textColumn(Texts.get("checkpoints.column.endToEnd"),
                c -> Units.millis(c.endToEndMillis()), 80));
        historyTable.getColumns().add(textColumn(Texts.get("checkpoints.column.checkpointed"),
                c -> Units.bytes(c.checkpointedSize()), 90));
        historyTable.getColumns().add(textColumn(Texts.get("checkpoints.column.fullSize"),
                c -> Units.bytes(c.fullSize()), 85));
        historyTable.getColumns().add(textColumn(Texts.get("checkpoints.column.processedInFlight"),
                c -> Units.bytes(c.processedInFlight()), 120));
        historyTable.getColumns().add(textColumn(Texts.get("checkpoints.column.persistedInFlight"),
                c -> Units.bytes(c.persistedInFlight()), 120));
        historyTable.setItems(viewModel.history());
        RowsInPlace.keep(historyTable); // new checkpoints come at the top
        historyTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CheckpointStats item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(FAILED, !empty && item != null && item.status() == CheckpointStatus.FAILED);
                pseudoClassStateChanged(IN_PROGRESS, !empty && item != null
                        && item.status() == CheckpointStatus.IN_PROGRESS);
                pseudoClassStateChanged(SAVEPOINT, !empty && item != null && item.savepoint());
                setTooltip(item != null && item.failure() != null
                        ? new javafx.scene.control.Tooltip(CheckpointFailureTexts.of(item)) : null);
            }
        });
        historyTable.getSelectionModel().selectedItemProperty().addListener((obs, o, c) -> {
            if (c != null) {
                viewModel.select(c.id());
            }
        });
    }

    private void showSelected(CheckpointStats c) {
        detailTitle.setText(c == null ? Texts.get("checkpoints.detail.none")
                : Texts.format("checkpoints.detail.title", c.id(),
                        c.savepoint() ? Texts.get("checkpoints.detail.savepoint")
                : "", c.status(),
                        Texts.get(c.unaligned() ? "checkpoints.detail.unaligned" : c.atLeastOnce()
                                ? "checkpoints.detail.atLeastOnce" : "checkpoints.detail.aligned"),
                Units.millis(c.endToEndMillis()) + Texts.format("checkpoints.detail.sizes",
                        Units.bytes(c.checkpointedSize()), Units.bytes(c.fullSize())), c.failure() == null ? ""
                : Texts.format("checkpoints.detail.cause", CheckpointFailureTexts.of(c))));
    }

    private static void buildStatistics(TableView<PhaseStatistics> table, boolean withScope) {
        if (withScope) {
            table.getColumns().add(textColumn(Texts.get("column.operator"), PhaseStatistics::scope, 110));
        }
        table.getColumns().add(textColumn(Texts.get("checkpoints.column.metric"), PhaseStatistics::metric, 140));
        table.getColumns().add(textColumn(Texts.get("checkpoints.column.min"), p -> p.format(p.stats().min()), 75));
        table.getColumns().add(textColumn(Texts.get("checkpoints.column.avg"), p -> p.format(p.stats().avg()), 75));
        table.getColumns().add(textColumn("p50", p -> p.format(p.stats().p50()), 75));
        table.getColumns().add(textColumn("p90", p -> p.format(p.stats().p90()), 75));
        table.getColumns().add(textColumn("p99", p -> p.format(p.stats().p99()), 75));
        table.getColumns().add(textColumn(Texts.get("checkpoints.column.max"), p -> p.format(p.stats().max()), 75));
    }

    private void buildSubtasks() {
        subtaskTable.getColumns().add(textColumn(Texts.get("column.operator"), SubtaskCheckpointStats::operatorId,
                100));
        subtaskTable.getColumns().add(textColumn("#", s -> Integer.toString(s.subtaskIndex()), 35));
        subtaskTable.getColumns().add(textColumn(Texts.get("checkpoints.column.ack"),
                s -> Units.clock(s.ackTimestamp()), 95));
        subtaskTable.getColumns().add(textColumn(Texts.get("checkpoints.column.endToEnd"),
                s -> Units.millis(s.endToEndMillis()), 75));
        subtaskTable.getColumns().add(textColumn(Texts.get("checkpoints.column.startDelay"),
                s -> Units.millis(s.startDelayMillis()), 75));
        subtaskTable.getColumns().add(textColumn(Texts.get("checkpoints.column.alignment"),
                s -> Units.millis(s.alignmentMillis()), 75));
        subtaskTable.getColumns().add(textColumn(Texts.get("checkpoints.column.sync"),
                s -> Units.millis(s.syncMillis()), 60));
        subtaskTable.getColumns().add(textColumn(Texts.get("checkpoints.column.async"),
                s -> Units.millis(s.asyncMillis()), 60));
        subtaskTable.getColumns().add(textColumn(Texts.get("checkpoints.column.checkpointed"),
                s -> Units.bytes(s.checkpointedSize()), 85));
        subtaskTable.getColumns().add(textColumn(Texts.get("checkpoints.column.full"), s -> Units.bytes(s.fullSize()),
                75));
        subtaskTable.getColumns().add(textColumn(Texts.get("checkpoints.column.processed"),
                s -> Units.bytes(s.processedInFlight()), 75));
        subtaskTable.getColumns().add(textColumn(Texts.get("checkpoints.column.persisted"),
                s -> Units.bytes(s.persistedInFlight()), 75));
        subtaskTable.getColumns().add(textColumn(Texts.get("checkpoints.column.unaligned"),
                s -> Texts.get(s.unaligned() ? "common.yes" : "common.no"), 70));
        subtaskTable.setItems(viewModel.bySubtask());
    }
}
