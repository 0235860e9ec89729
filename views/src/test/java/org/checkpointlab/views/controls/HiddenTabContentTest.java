package org.checkpointlab.views.controls;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HiddenTabContentTest {
    private Label first;
    private Label second;
    private TabPane tabs;
    private Tab one;
    private Tab two;

    @Start
    void start(Stage stage) {
        first = new Label("first");
        second = new Label("second");
        one = new Tab("One", first);
        two = new Tab("Two", second);
        tabs = new TabPane(one, two);
        HiddenTabContent.detachWhileHidden(tabs);
        stage.setScene(new Scene(tabs, 300, 200));
        stage.show();
    }

    @Test
    void onlyTheSelectedTabsContentIsInTheScene_andSwitchingBringsItBack(FxRobot robot) {
        assertThat(first.getScene()).isNotNull();
        assertThat(second.getScene()).isNull();

        robot.interact(() -> tabs.getSelectionModel().select(two));

        assertThat(second.getScene()).isNotNull();
        assertThat(first.getScene()).isNull();
        assertThat(HiddenTabContent.contentOf(one)).isSameAs(first);
    }

    @Test
    void contentSetLater_isKeptAndShownWhenItsTabIsSelected(FxRobot robot) {
        Label built = new Label("built later");
        robot.interact(() -> two.setContent(built));
        assertThat(built.getScene()).isNull();

        robot.interact(() -> tabs.getSelectionModel().select(two));

        assertThat(built.getScene()).isNotNull();
        assertThat(HiddenTabContent.contentOf(two)).isSameAs(built);
    }

    @Test
    void aTabAddedLater_isManagedToo(FxRobot robot) {
        Label third = new Label("third");
        robot.interact(() -> tabs.getTabs().add(new Tab("Three", third)));

        assertThat(third.getScene()).isNull();
    }
}
