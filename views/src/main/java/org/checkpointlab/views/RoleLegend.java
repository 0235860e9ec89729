package org.checkpointlab.views;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.checkpointlab.views.graph.GraphStyles;
import org.checkpointlab.views.graph.OperatorRole;

/** The status bar's legend: one accent dot and name per operator role, so the card colours explain themselves. */
final class RoleLegend {
    private RoleLegend() {
    }

    static void fill(HBox legend) {
        for (OperatorRole role : OperatorRole.values()) {
            Region dot = new Region();
            dot.getStyleClass().add(GraphStyles.CARD_ACCENT);
            Label entry = new Label(role.displayName(), dot);
            entry.getStyleClass().addAll(MainStyles.LEGEND_ENTRY, role.styleClass());
            legend.getChildren().add(entry);
        }
    }
}
