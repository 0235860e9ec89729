package org.checkpointlab.views.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.preferences.PreferencesFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveBalanceMenuTest {
    @TempDir
    Path dir;

    private static RadioMenuItem item(Menu menu, LiveViewBalance balance) {
        return (RadioMenuItem) menu.getItems().stream()
                .filter(i -> ("balance-" + balance.optionName()).equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void theMenuOffersEveryBalance_withTheBudgetsOneChecked() {
        Menu menu = new Menu();
        LiveBalanceMenu balances = LiveBalanceMenu.install(menu, new SamplingBudget(LiveViewBalance.BALANCED, 2,
                SamplingBudget.BURST_NANOS));

        assertThat(menu.getItems()).hasSize(LiveViewBalance.values().length);
        assertThat(item(menu, LiveViewBalance.SMOOTH).getText())
                .isEqualTo(Texts.get("menu.view.balance.smooth"));
        assertThat(item(menu, LiveViewBalance.BALANCED).isSelected()).isTrue();
        assertThat(balances.current()).isEqualTo(LiveViewBalance.BALANCED);
    }

    @Test
    void choosingABalance_putsItIntoTheBudgetAtOnce_andRemembersItForTheNextStart() throws Exception {
        Path store = dir.resolve("prefs").resolve("preferences.properties");
        Files.createDirectories(store.getParent());
        Files.writeString(store, "language=zh-CN\n");
        Menu menu = new Menu();
        SamplingBudget budget = new SamplingBudget(LiveViewBalance.BALANCED, 2, SamplingBudget.BURST_NANOS);
        LiveBalanceMenu balances = LiveBalanceMenu.install(menu, budget);
        balances.remember(new PreferencesFile(store));

        item(menu, LiveViewBalance.ENGINE_FIRST).fire();

        assertThat(budget.balance()).isEqualTo(LiveViewBalance.ENGINE_FIRST);
        assertThat(item(menu, LiveViewBalance.ENGINE_FIRST).isSelected()).isTrue();
        assertThat(item(menu, LiveViewBalance.BALANCED).isSelected()).isFalse();
        assertThat(Files.readString(store)).contains("liveView.balance=engine-first").contains("language=zh-CN");

        Menu nextStart = new Menu();
        SamplingBudget nextBudget = new SamplingBudget(LiveViewBalance.BALANCED, 2, SamplingBudget.BURST_NANOS);
        LiveBalanceMenu again = LiveBalanceMenu.install(nextStart, nextBudget);
        again.remember(new PreferencesFile(store));
        assertThat(again.current()).isEqualTo(LiveViewBalance.ENGINE_FIRST);
        assertThat(nextBudget.balance()).isEqualTo(LiveViewBalance.ENGINE_FIRST);
        assertThat(item(nextStart, LiveViewBalance.ENGINE_FIRST).isSelected()).isTrue();
    }

    @Test
    void aBalanceForOneRun_isUsedButNotRemembered() throws Exception {
        Path store = dir.resolve("preferences.properties");
        SamplingBudget budget = new SamplingBudget(LiveViewBalance.BALANCED, 2, SamplingBudget.BURST_NANOS);
        LiveBalanceMenu balances = LiveBalanceMenu.install(new Menu(), budget);
        balances.remember(new PreferencesFile(store));

        balances.use(LiveViewBalance.SMOOTH); // gui --balance smooth

        assertThat(budget.balance()).isEqualTo(LiveViewBalance.SMOOTH);
        assertThat(Files.exists(store)).isFalse();
    }

    @Test
    void anUnknownRememberedBalance_isIgnored() throws Exception {
        Path store = dir.resolve("preferences.properties");
        Files.writeString(store, "liveView.balance=turbo\n");
        SamplingBudget budget = new SamplingBudget(LiveViewBalance.BALANCED, 2, SamplingBudget.BURST_NANOS);
        LiveBalanceMenu balances = LiveBalanceMenu.install(new Menu(), budget);

        balances.remember(new PreferencesFile(store));

        assertThat(balances.current()).isEqualTo(LiveViewBalance.BALANCED);
        assertThat(budget.balance()).isEqualTo(LiveViewBalance.BALANCED);
    }
}
