package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The side panel scrolled down to the legend: selecting on the canvas brings the inspector back into view, clicking
 * a subtask box brings up its details (a newcomer's new selection was hidden above the scrolled panel).
 */
@ExtendWith(ApplicationExtension.class)
class SidePanelScrollTest {
    private Region inspector;
    private Region details;
    private ScrollPane scroll;
    private final SimpleObjectProperty<Object> selection = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<Object> subtask = new SimpleObjectProperty<>();

    private static Region part() {
        Region r = new Region();
        r.setMinHeight(300);
        r.setPrefHeight(300);
        return r;
    }

    @Start
    void start(Stage stage) {
        inspector = part();
        details = part();
        scroll = new ScrollPane(new VBox(inspector, details, part()));
        scroll.setFitToWidth(true);
        stage.setScene(new Scene(scroll, 200, 250));
        stage.show();
        SidePanelScroll.follow(scroll, inspector, details, selection, subtask);
    }

    private double topOf(Region part) {
        return scroll.getContent().sceneToLocal(part.localToScene(0, 0)).getY();
    }

    /** The content's y at the top of the viewport. */
    private double shownFrom() {
        double hidden = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        return scroll.getVvalue() * hidden;
    }

    @Test
    void aNewSelection_scrollsToTheInspector_andASubtaskToItsDetails(FxRobot robot) {
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        assertThat(shownFrom()).isGreaterThan(topOf(details));

        robot.interact(() -> subtask.set("count #1"));
        assertThat(shownFrom()).isCloseTo(topOf(details), within(1.0));

        robot.interact(() -> selection.set("count"));
        assertThat(scroll.getVvalue()).isEqualTo(scroll.getVmin());

        robot.interact(() -> subtask.set(null));
        assertThat(scroll.getVvalue()).as("nothing chosen: the panel stays").isEqualTo(scroll.getVmin());
    }
}
