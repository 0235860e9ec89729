package org.checkpointlab.views.live;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.preferences.PreferencesFile;

/**
 * View &gt; Live view balance: one radio item per {@link LiveViewBalance}, the one in use checked. Choosing one puts
 * it into the frame loop's {@link SamplingBudget} at once and, once {@linkplain #remember remembering} is on,
 * writes it to the preferences file for the next start (a file that cannot be written is said in a warning; the
 * balance is used all the same).
 */
public final class LiveBalanceMenu {
    /** Its entry in the preferences file. */
    static final String KEY = "liveView.balance";

    private final SamplingBudget budget;
    private final Map<LiveViewBalance, RadioMenuItem> items = new EnumMap<>(LiveViewBalance.class);
    private final ReadOnlyObjectWrapper<LiveViewBalance> current = new ReadOnlyObjectWrapper<>();
    private PreferencesFile preferences;

    private LiveBalanceMenu(SamplingBudget budget) {
        this.budget = budget;
    }

    /** Fills {@code menu} for {@code budget}, with {@code budget}'s balance (or {@link LiveViewBalance#BALANCED}) checked. */
    public static LiveBalanceMenu install(Menu menu, SamplingBudget budget) {
        LiveBalanceMenu balanceMenu = new LiveBalanceMenu(Objects.requireNonNull(budget, "budget"));
        ToggleGroup group = new ToggleGroup();
        menu.getItems().clear();
        for (LiveViewBalance balance : LiveViewBalance.values()) {
            RadioMenuItem item = new RadioMenuItem(Texts.get(balance.textKey()));
            item.setId("balance-" + balance.optionName());
            item.setToggleGroup(group);
            item.setOnAction(event -> balanceMenu.choose(balance));
            balanceMenu.items.put(balance, item);
            menu.getItems().add(item);
        }
        balanceMenu.use(budget.balance() == null ? LiveViewBalance.BALANCED : budget.balance());
        return balanceMenu;
    }

    /** The balance in use. */
    public ReadOnlyObjectProperty<LiveViewBalance> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The balance in use. */
    public LiveViewBalance current() {
        return current.get();
    }

    /**
     * From now on remembers the user's choices in {@code file}, and uses the balance it remembers, if any (an
     * unknown entry is ignored).
     */
    public void remember(PreferencesFile file) {
        preferences = Objects.requireNonNull(file, "file");
        file.get(KEY).flatMap(LiveBalanceMenu::known).ifPresent(this::use);
    }

    private static java.util.Optional<LiveViewBalance> known(String name) {
        try {
            return java.util.Optional.of(LiveViewBalance.parse(name));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Uses {@code balance} for this run without remembering it ({@code gui --balance}). */
    public void use(LiveViewBalance balance) {
        budget.use(balance);
        current.set(balance);
        items.get(balance).setSelected(true);
    }

    /** What the user does in the menu: uses {@code balance} and remembers it. */
    public void choose(LiveViewBalance balance) {
        use(balance);
        if (preferences == null) {
            return;
        }
        try {
            preferences.put(KEY, balance.optionName());
        } catch (IOException e) {
            // In use for this run all the same; said once, not on every frame.
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING,
                    Texts.format("menu.view.balance.notSaved", preferences.store(), e.getMessage())).show();
        }
    }
}
