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
        configurationTable.getColumns().add(textColumn("Option", Map.Entry::getKey, 230));
        configurationTable.getColumns().add(textColumn("Value", Map.Entry::getValue, 360));
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
            String[] names = {"Triggered", "In progress", "Completed", "Failed", "Restored"};
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
        latestLines[0].setText("Latest completed: " + v.latestCompleted().map(c -> "#" + c.id() + " at "
                + Units.clock(c.latestAckTimestamp()) + ", " + Units.millis(c.endToEndMillis()) + ", "
                + Units.bytes(c.checkpointedSize())).orElse("none yet"));
        latestLines[1].setText("Latest failed: " + v.latestFailed().map(c -> "#" + c.id() + " at "
                + Units.clock(c.triggerTimestamp()) + ": " + c.failureCause()).orElse("none"));
        latestLines[2].setText("Latest savepoint: " + v.latestSavepoint().map(c -> "#" + c.id() + " at "
                + Units.clock(c.latestAckTimestamp()) + ", " + Units.bytes(c.fullSize())).orElse("none"));
        latestLines[3].setText("Latest restore: " + v.latestRestore().map(r -> (r.restoredCheckpointId() > 0
                ? "checkpoint #" + r.restoredCheckpointId() : "no state") + " at "
                + Units.clock(r.restoreTimestamp()))
                .orElse(v.restoredFrom() == null ? "none" : "started from " + v.restoredFrom()));
    }

    private void buildHistory() {
        historyTable.getColumns().add(textColumn("ID", c -> c.id() + (c.savepoint() ? " (savepoint)" : ""), 115));
        historyTable.getColumns().add(textColumn("Status", c -> c.status().name()
                + (c.unaligned() ? " \u00b7 unaligned" : ""), 150));
        historyTable.getColumns().add(textColumn("Acknowledged", c -> c.acknowledged() + "/" + c.total(), 95));
        historyTable.getColumns().add(textColumn("Trigger time", c -> Units.clock(c.triggerTimestamp()), 100));
        historyTable.getColumns().add(textColumn("Latest ack", c -> Units.clock(c.latestAckTimestamp()), 100));
        historyTable.getColumns().add(textColumn("End to end", c -> Units.millis(c.endToEndMillis()), 80));
        historyTable.getColumns().add(textColumn("Checkpointed", c -> Units.bytes(c.checkpointedSize()), 90));
        historyTable.getColumns().add(textColumn("Full size", c -> Units.bytes(c.fullSize()), 85));
        historyTable.getColumns().add(textColumn("Processed in-flight", c -> Units.bytes(c.processedInFlight()), 120));
        historyTable.getColumns().add(textColumn("Persisted in-flight", c -> Units.bytes(c.persistedInFlight()), 120));
        historyTable.setItems(viewModel.history());
        historyTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CheckpointStats item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(FAILED, !empty && item != null && item.status() == CheckpointStatus.FAILED);
                pseudoClassStateChanged(IN_PROGRESS, !empty && item != null
                        && item.status() == CheckpointStatus.IN_PROGRESS);
                pseudoClassStateChanged(SAVEPOINT, !empty && item != null && item.savepoint());
                setTooltip(item != null && item.failureCause() != null
                        ? new javafx.scene.control.Tooltip(item.failureCause()) : null);
            }
        });
        historyTable.getSelectionModel().selectedItemProperty().addListener((obs, o, c) -> {
            if (c != null) {
                viewModel.select(c.id());
            }
        });
    }

    private void showSelected(CheckpointStats c) {
        detailTitle.setText(c == null ? "No completed checkpoint yet"
                : "Checkpoint " + c.id() + (c.savepoint() ? " (savepoint)" : "") + " \u2013 " + c.status()
                + ", " + (c.unaligned() ? "unaligned" : "aligned") + ", end to end " + Units.millis(c.endToEndMillis())
                + (c.failureCause() == null ? "" : " \u2013 " + c.failureCause()));
    }

    private static void buildStatistics(TableView<PhaseStatistics> table, boolean withScope) {
        if (withScope) {
            table.getColumns().add(textColumn("Operator", PhaseStatistics::scope, 110));
        }
        table.getColumns().add(textColumn("Metric", PhaseStatistics::metric, 140));
        table.getColumns().add(textColumn("Min", p -> p.format(p.stats().min()), 75));
        table.getColumns().add(textColumn("Avg", p -> p.format(p.stats().avg()), 75));
        table.getColumns().add(textColumn("p50", p -> p.format(p.stats().p50()), 75));
        table.getColumns().add(textColumn("p90", p -> p.format(p.stats().p90()), 75));
        table.getColumns().add(textColumn("p99", p -> p.format(p.stats().p99()), 75));
        table.getColumns().add(textColumn("Max", p -> p.format(p.stats().max()), 75));
    }

    private void buildSubtasks() {
        subtaskTable.getColumns().add(textColumn("Operator", SubtaskCheckpointStats::operatorId, 100));
        subtaskTable.getColumns().add(textColumn("#", s -> Integer.toString(s.subtaskIndex()), 35));
        subtaskTable.getColumns().add(textColumn("Ack", s -> Units.clock(s.ackTimestamp()), 95));
        subtaskTable.getColumns().add(textColumn("End to end", s -> Units.millis(s.endToEndMillis()), 75));
        subtaskTable.getColumns().add(textColumn("Start delay", s -> Units.millis(s.startDelayMillis()), 75));
        subtaskTable.getColumns().add(textColumn("Alignment", s -> Units.millis(s.alignmentMillis()), 75));
        subtaskTable.getColumns().add(textColumn("Sync", s -> Units.millis(s.syncMillis()), 60));
        subtaskTable.getColumns().add(textColumn("Async", s -> Units.millis(s.asyncMillis()), 60));
        subtaskTable.getColumns().add(textColumn("Checkpointed", s -> Units.bytes(s.checkpointedSize()), 85));
        subtaskTable.getColumns().add(textColumn("Full", s -> Units.bytes(s.fullSize()), 75));
        subtaskTable.getColumns().add(textColumn("Processed", s -> Units.bytes(s.processedInFlight()), 75));
        subtaskTable.getColumns().add(textColumn("Persisted", s -> Units.bytes(s.persistedInFlight()), 75));
        subtaskTable.getColumns().add(textColumn("Unaligned", s -> s.unaligned() ? "yes" : "no", 70));
        subtaskTable.setItems(viewModel.bySubtask());
    }
}
