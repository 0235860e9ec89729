package org.checkpointlab.views.controls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.checkpointlab.views.i18n.Texts;

/** Loading a view's FXML with the view as its controller, and showing a view as a dialog. */
public final class Fxml {
    private Fxml() {
    }

    /**
     * Loads {@code name} (next to the controller's class in the resources) with {@code controller} as its
     * controller and the app's texts ({@link Texts#messages()}) for its {@code %key} attributes.
     *
     * @throws UncheckedIOException naming the file when it is missing or does not load
     */
    public static Parent load(Object controller, String name) {
        URL fxml = controller.getClass().getResource(name);
        if (fxml == null) {
            throw new UncheckedIOException(new IOException(name + " is missing next to "
                    + controller.getClass().getName()));
        }
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setController(controller);
        loader.setResources(Texts.messages());
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + name, e);
        }
    }

    /** Lets Escape close {@code stage} (as a dialog's Close button does); returns it. */
    public static Stage closableOnEscape(Stage stage) {
        stage.getScene().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed()) {
                stage.close();
            }
        });
        return stage;
    }

    /** Shows {@code root} in a new window, modal to {@code owner} when there is one. */
    public static Stage showModal(Window owner, String title, Parent root) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        stage.setScene(new Scene(root));
        stage.show();
        return stage;
    }
}
