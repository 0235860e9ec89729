package org.checkpointlab.views.flink;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.checkpointlab.model.client.ClusterJob;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.views.controls.Fxml;

/**
 * The window of File &gt; Connect to Flink: the REST URL (an editable list of the URLs used before), Connect, what
 * happened (the failure in red, naming the URL and the cause), the cluster's jobs (name, state, start time,
 * duration) with Refresh, and Open job (or a double click) to watch one. Binds to a {@link ConnectViewModel}.
 */
public final class ConnectView {
    /** Pseudo-class of the message line while it reports a failure. */
    public static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ConnectViewModel viewModel;
    private final Consumer<JobClient> onOpened;
    private final VBox root = new VBox(8);
    private final TableView<ClusterJob> table = new TableView<>();
    private final Button close = new Button(FlinkTexts.get("connect.close"));

    public ConnectView(ConnectViewModel viewModel, Consumer<JobClient> onOpened) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.onOpened = Objects.requireNonNull(onOpened, "onOpened");
        build();
    }

    /** Shows the window next to {@code owner}. */
    public static Stage show(Window owner, ConnectViewModel viewModel, Consumer<JobClient> onOpened) {
        ConnectView view = new ConnectView(viewModel, onOpened);
        Stage stage = new Stage();
        stage.setTitle(FlinkTexts.get("connect.title"));
        if (owner != null) {
            stage.initOwner(owner);
        }
        Scene scene = new Scene(view.root, 760, 420);
        scene.getStylesheets().add(Objects.requireNonNull(ConnectView.class.getResource(
                "/org/checkpointlab/views/checkpoint-lab.css")).toExternalForm());
        stage.setScene(scene);
        view.close.setOnAction(e -> stage.close());
        Fxml.closableOnEscape(stage).show();
        return stage;
    }

    public VBox root() {
        return root;
    }

    private void build() {
        root.setPadding(new Insets(12));
        root.getStyleClass().add("flink-connect");
        Label caption = new Label(FlinkTexts.get("connect.url"));
        ComboBox<String> url = new ComboBox<>(viewModel.rememberedUrls());
        url.setId("flink-url");
        url.setEditable(true);
        url.setMaxWidth(Double.MAX_VALUE);
        url.getEditor().setText(viewModel.urlProperty().get());
        url.getEditor().textProperty().bindBidirectional(viewModel.urlProperty());
        // The suggested or remembered URL is selected when the field gets the focus: typing replaces it.
        url.getEditor().focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                javafx.application.Platform.runLater(url.getEditor()::selectAll);
            }
        });
        url.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                viewModel.urlProperty().set(chosen);
            }
        });
        url.getEditor().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.connect();
            }
        });
        HBox.setHgrow(url, Priority.ALWAYS);
        Button connect = new Button(FlinkTexts.get("connect.button"));
        connect.setId("flink-connect");
        connect.setDefaultButton(true);
        connect.setOnAction(e -> viewModel.connect());
        connect.disableProperty().bind(viewModel.busyProperty());
        HBox urlRow = new HBox(8, url, connect);

        Label message = new Label();
        message.setId("flink-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.getStyleClass().add("flink-message");
        message.textProperty().bind(viewModel.messageProperty());
        viewModel.failedProperty().addListener((obs, old, now) -> {
            message.pseudoClassStateChanged(FAILED, now);
            message.setStyle(now ? "-fx-text-fill: #c62828; -fx-font-weight: bold;" : "");
        });

        table.setId("flink-jobs");
        table.setItems(viewModel.jobs());
        table.setPlaceholder(new Label(FlinkTexts.get("jobs.none")));
        table.getColumns().add(column(FlinkTexts.get("jobs.name"), 280, ClusterJob::name));
        table.getColumns().add(column(FlinkTexts.get("jobs.state"), 100, ClusterJob::state));
        table.getColumns().add(column(FlinkTexts.get("jobs.start"), 160,
                j -> j.startTimeMillis() < 0 ? "" : START.format(Instant.ofEpochMilli(j.startTimeMillis()))));
        table.getColumns().add(column(FlinkTexts.get("jobs.duration"), 110, j -> duration(j.durationMillis())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<ClusterJob> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem(), onOpened);
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button refresh = new Button(FlinkTexts.get("connect.refresh"));
        refresh.setId("flink-refresh");
        refresh.setOnAction(e -> viewModel.refresh());
        refresh.disableProperty().bind(viewModel.busyProperty().or(viewModel.connectionProperty().isNull()));
        Button open = new Button(FlinkTexts.get("connect.open"));
        open.setId("flink-open");
        open.setOnAction(e -> viewModel.open(table.getSelectionModel().getSelectedItem(), onOpened));
        open.disableProperty().bind(viewModel.busyProperty()
                .or(table.getSelectionModel().selectedItemProperty().isNull()));
        close.setId("flink-connect-close");
        close.setCancelButton(true);
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, refresh, open, gap, close);
        root.getChildren().addAll(caption, urlRow, message, table, buttons);
    }

    private static TableColumn<ClusterJob, String> column(String title, double width,
                                                         java.util.function.Function<ClusterJob, String> value) {
        TableColumn<ClusterJob, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    /** "2 h 05 min", "3 min 07 s", "42 s"; empty when unknown. */
    static String duration(long millis) {
        if (millis < 0) {
            return "";
        }
        long s = millis / 1000;
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
