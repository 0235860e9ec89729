package org.checkpointlab.views.flink;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.views.controls.SavepointDirectories;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.session.JobSession;

/**
 * The Job menu of a watched cluster job: the commands its REST API carries (checkpoint now, savepoint, stop with
 * savepoint with or without drain, cancel, and a rescale in place where the adaptive scheduler runs the job) go to
 * the cluster through the session; the commands of the local engine
 * the job's client lacks a capability for are listed disabled, with a tooltip saying why (a plain menu item shows no
 * tooltip, so these are custom items drawn as disabled that do nothing).
 */
final class FlinkJobMenu {
    /** Style class of a command the job's engine cannot carry out. */
    static final String UNSUPPORTED = "unsupported-command";
    /** Property key under which an unsupported item keeps its reason (for tests). */
    static final String WHY = "why";

    private final JobSession session;
    private final LiveJobViewModel live;
    private final Supplier<Window> owner;

    private final Runnable openRestore;

    /** @param openRestore opens the restore dialog; null when the cluster cannot start the job's pipeline again */
    FlinkJobMenu(JobSession session, LiveJobViewModel live, Supplier<Window> owner, Runnable openRestore) {
        this.session = session;
        this.live = live;
        this.owner = owner;
        this.openRestore = openRestore;
    }

    Menu build() {
        Menu menu = new Menu(FlinkTexts.get("menu.job"));
        menu.setId("flink-job-menu");
        BooleanBinding idle = Bindings.createBooleanBinding(() -> session.job() == null
                        || session.job().status().isTerminal(), session.jobProperty(), session.snapshotProperty())
                .or(session.busyProperty());
        MenuItem checkpoint = item("flink-checkpoint", "menu.checkpoint", live::triggerCheckpoint);
        checkpoint.disableProperty().bind(idle);
        MenuItem savepoint = item("flink-savepoint", "menu.savepoint",
                () -> session.triggerSavepoint(r -> { }, this::showProblems));
        savepoint.disableProperty().bind(idle);
        MenuItem stop = item("flink-stop", "menu.stop",
                () -> session.stopWithSavepoint(false, r -> { }, this::showProblems));
        stop.disableProperty().bind(idle);
        MenuItem drain = item("flink-drain", "menu.drain",
                () -> session.stopWithSavepoint(true, r -> { }, this::showProblems));
        drain.disableProperty().bind(idle);
        MenuItem cancel = item("flink-cancel", "menu.cancel", this::confirmCancel);
        cancel.disableProperty().bind(idle);
        MenuItem folder = item("flink-folder", "menu.folder", this::chooseFolder);
        menu.getItems().addAll(checkpoint, savepoint, stop, drain, folder, new SeparatorMenuItem(), cancel,
                new SeparatorMenuItem());
        JobClient job = session.job();
        addUnsupported(menu, job, JobClient.Capability.PAUSE_AND_STEP, "menu.pause", "why.pause");
        addUnsupported(menu, job, JobClient.Capability.SLOW_MOTION, "menu.speed", "why.speed");
        addUnsupported(menu, job, JobClient.Capability.FAILURE_INJECTION, "menu.fail", "why.fail");
        addUnsupported(menu, job, JobClient.Capability.LIVE_CHECKPOINT_OPTIONS, "menu.settings", "why.settings");
        if (job != null && job.supports(JobClient.Capability.RESCALE_IN_PLACE)) {
            MenuItem rescale = item("flink-rescale", "menu.rescaleInPlace", () -> RescaleInPlaceDialog.show(
                    owner.get(), new RescaleInPlaceViewModel(session)));
            rescale.disableProperty().bind(idle);
            menu.getItems().add(menu.getItems().indexOf(folder) + 1, rescale);
        } else {
            menu.getItems().add(unsupported("menu.inPlaceRescale", "why.rescaleInPlace"));
        }
        if (openRestore != null) {
            MenuItem restore = item("flink-restore", "menu.restore.open", openRestore);
            // A stopped job is restored too: only a command under way or no job at all keeps it disabled.
            restore.disableProperty().bind(session.busyProperty().or(session.jobProperty().isNull()));
            menu.getItems().add(menu.getItems().indexOf(folder) + 1, restore);
        } else {
            menu.getItems().add(unsupported("menu.restore", "why.restore"));
        }
        return menu;
    }

    private void addUnsupported(Menu menu, JobClient job, JobClient.Capability capability, String text,
                                String why) {
        if (job == null || !job.supports(capability)) {
            menu.getItems().add(unsupported(text, why));
        }
    }

    private static MenuItem unsupported(String textKey, String whyKey) {
        Label label = new Label(FlinkTexts.get(textKey));
        label.getStyleClass().add(UNSUPPORTED);
        label.setStyle("-fx-opacity: 0.45;");
        Tooltip why = new Tooltip(FlinkTexts.get(whyKey));
        why.setWrapText(true);
        why.setMaxWidth(420);
        Tooltip.install(label, why);
        CustomMenuItem item = new CustomMenuItem(label, false);
        item.setId("flink-unsupported-" + textKey.substring(textKey.indexOf('.') + 1));
        item.getProperties().put(WHY, why.getText());
        return item;
    }

    private void confirmCancel() {
        JobClient job = session.job();
        if (job == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, FlinkTexts.format("confirm.cancel", job.toString()),
                ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText(FlinkTexts.get("confirm.cancel.header"));
        confirm.initOwner(owner.get());
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> session.cancel());
    }

    private void chooseFolder() {
        SavepointDirectories.chooseInto(owner.get(), FlinkTexts.get("menu.folder.title"),
                session.savepointDirectoryProperty());
    }

    private void showProblems(List<String> problems) {
        Alert alert = new Alert(Alert.AlertType.ERROR, String.join("\n", problems));
        alert.setHeaderText(FlinkTexts.get("problems.header"));
        alert.initOwner(owner.get());
        alert.show();
    }

    private static MenuItem item(String id, String textKey, Runnable action) {
        MenuItem item = new MenuItem(FlinkTexts.get(textKey));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
