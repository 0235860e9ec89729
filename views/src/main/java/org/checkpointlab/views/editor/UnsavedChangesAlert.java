package org.checkpointlab.views.editor;

import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.checkpointlab.views.i18n.Texts;

/**
 * The app's {@link UnsavedChangesPrompt}: a modal alert "Save changes to “Word count” before opening x.json?" with
 * Save, Don't save and Cancel (also on Escape or closing the alert). A thin adapter without logic of its own.
 */
public final class UnsavedChangesAlert implements UnsavedChangesPrompt {
    /** The buttons, with ids for tests and keyboard users. */
    public static final ButtonType SAVE = new ButtonType(Texts.get("unsaved.save"), ButtonBar.ButtonData.YES);
    public static final ButtonType DONT_SAVE = new ButtonType(Texts.get("unsaved.dontSave"), ButtonBar.ButtonData.NO);
    public static final ButtonType CANCEL = new ButtonType(Texts.get("unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);

    private static final Map<ButtonType, Choice> CHOICES = Map.of(SAVE, Choice.SAVE, DONT_SAVE, Choice.DISCARD,
            CANCEL, Choice.CANCEL);

    private final Supplier<Window> owner;

    /** @param owner the window the alert belongs to (looked up when asking), may supply {@code null} */
    public UnsavedChangesAlert(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Choice ask(String pipelineName, String action) {
        Alert alert = create(pipelineName, action);
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        return alert.showAndWait().map(CHOICES::get).orElse(Choice.CANCEL);
    }

    /** The alert, not shown (for screenshots and tests of its texts). */
    public static Alert create(String pipelineName, String action) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DONT_SAVE, CANCEL);
        alert.setTitle(Texts.get("unsaved.title"));
        alert.setHeaderText(Texts.format("unsaved.header", pipelineName, action));
        alert.setContentText(Texts.get("unsaved.content"));
        alert.getDialogPane().lookupButton(SAVE).setId("unsaved-save");
        alert.getDialogPane().lookupButton(DONT_SAVE).setId("unsaved-dont-save");
        alert.getDialogPane().lookupButton(CANCEL).setId("unsaved-cancel");
        return alert;
    }
}
