package org.checkpointlab.views.editor;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.checkpointlab.views.i18n.Texts;

/**
 * The app's {@link StopRunningJobPrompt}: a modal alert "Stop the running job?" with a Stop button and Cancel (also
 * on Escape or closing the alert). A thin adapter without logic of its own.
 */
public final class StopRunningJobAlert implements StopRunningJobPrompt {
    private final Supplier<Window> owner;

    /** @param owner the window the alert belongs to (looked up when asking), may supply {@code null} */
    public StopRunningJobAlert(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirmStop(String jobName, String action) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                Texts.format("main.stop.text", jobName, capitalized(action)),
                new ButtonType(Texts.get("main.stop.button"), ButtonBar.ButtonData.OK_DONE),
                ButtonType.CANCEL);
        alert.setHeaderText(Texts.get("main.stop.header"));
        alert.initOwner(owner.get());
        return alert.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    private static String capitalized(String phrase) {
        return phrase.isEmpty() ? phrase : Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
}
