package org.checkpointlab.views.i18n;

import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * View &gt; Language: one radio item per shipped {@link Language}, named in its own language, the current one
 * checked. Choosing another hands it to the window's handler (which remembers it and restarts the app); the
 * check mark stays on the language shown.
 */
public final class LanguageMenu {
    private LanguageMenu() {
    }

    /** Fills {@code menu}; {@code onChosen} gets a language other than the current one. */
    public static void fill(Menu menu, Consumer<Language> onChosen) {
        Language current = Language.forLocale(Texts.locale());
        ToggleGroup group = new ToggleGroup();
        menu.getItems().clear();
        RadioMenuItem[] items = new RadioMenuItem[Language.values().length];
        for (Language language : Language.values()) {
            RadioMenuItem item = new RadioMenuItem(language.nativeName());
            item.setId("language-" + language.locale().toLanguageTag());
            item.setMnemonicParsing(false);
            item.setToggleGroup(group);
            item.setSelected(language == current);
            item.setOnAction(event -> {
                items[current.ordinal()].setSelected(true);
                if (language != current) {
                    onChosen.accept(language);
                }
            });
            items[language.ordinal()] = item;
            menu.getItems().add(item);
        }
    }
}
