package org.checkpointlab.views.controls;

import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/**
 * Menu items that are enabled only when they can act and, when they cannot, say why in their text ("Checkpoint
 * now — no running job"): a menu item has no tooltip, and a greyed item without a reason leaves a newcomer
 * guessing. FX thread only.
 */
public final class MenuHints {
    /** Between an item's text and the reason it is disabled. */
    public static final String SEPARATOR = "  \u2014 ";

    private MenuHints() {
    }

    /**
     * Disables {@code item} while {@code whyNot} is not empty, and then appends it to the item's text. Replaces any
     * disable binding the item had.
     */
    public static void explain(MenuItem item, ObservableStringValue whyNot) {
        Objects.requireNonNull(whyNot, "whyNot");
        String base = item.getText();
        item.disableProperty().unbind();
        item.disableProperty().bind(Bindings.createBooleanBinding(() -> !whyNot.get().isEmpty(), whyNot));
        item.textProperty().bind(Bindings.createStringBinding(() -> whyNot.get().isEmpty() ? base
                : base + SEPARATOR + whyNot.get(), whyNot));
    }

    /** The item of {@code menu} with {@code accelerator} (e.g. "Shortcut+K"), as the menu's text may be translated. */
    public static Optional<MenuItem> byAccelerator(Menu menu, String accelerator) {
        KeyCombination wanted = KeyCombination.keyCombination(accelerator);
        return menu.getItems().stream().filter(i -> wanted.equals(i.getAccelerator())).findFirst();
    }

    /** The reason as a string expression: {@code reason} while {@code cannot} holds, else empty. */
    public static StringExpression when(javafx.beans.value.ObservableBooleanValue cannot, String reason) {
        return Bindings.when(cannot).then(reason).otherwise("");
    }
}
