package org.checkpointlab.views;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.live.LiveLegend;
import org.checkpointlab.views.session.HistoryEntry;

/**
 * The job's panels in the side column: the selected subtask's details, the exception history (failures in red,
 * lines wrapped inside the column) and the legend of the live drawing.
 */
final class JobSidePanel {
    private JobSidePanel() {
    }

    static void bind(LiveJobViewModel live, Label detailsLabel, ListView<HistoryEntry> historyList,
                     TitledPane legendPane) {
        detailsLabel.textProperty().bind(Bindings.createStringBinding(() -> live.selectedDetailsProperty().get()
                .isEmpty() ? Texts.get("main.details.placeholder") : live.selectedDetailsProperty().get(),
                live.selectedDetailsProperty()));
        historyList.setItems(live.history());
        historyList.setCellFactory(list -> new HistoryCell());
        Label noFailures = new Label(Texts.get("main.history.placeholder"));
        noFailures.setWrapText(true);
        historyList.setPlaceholder(noFailures);
        legendPane.setContent(LiveLegend.build());
    }

    /** A history line that wraps inside the side panel instead of scrolling sideways; failures in red. */
    private static final class HistoryCell extends ListCell<HistoryEntry> {
        HistoryCell() {
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(HistoryEntry item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.toString());
            pseudoClassStateChanged(MainStyles.FAILURE, !empty && item != null && item.failure());
        }
    }
}
