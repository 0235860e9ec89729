package org.checkpointlab.views.controls;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** What is wrong, as bulleted lines in a box (style class {@code problem}), wrapped and never squeezed. */
public final class ProblemLines {
    private ProblemLines() {
    }

    /** Replaces the lines in {@code box} with one per problem. */
    public static void show(VBox box, List<String> problems) {
        box.getChildren().clear();
        for (String p : problems) {
            Label line = new Label("\u2022 " + p);
            line.setWrapText(true);
            line.setMaxWidth(Double.MAX_VALUE);
            line.setMinHeight(Region.USE_PREF_SIZE);
            line.getStyleClass().add("problem");
            box.getChildren().add(line);
        }
    }

    /** Shows {@code problems} in {@code box} now and again whenever they change. */
    public static void follow(VBox box, ObservableList<String> problems) {
        show(box, problems);
        problems.addListener((ListChangeListener<String>) c -> show(box, problems));
    }
}
