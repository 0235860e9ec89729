package org.checkpointlab.views.controls;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps the rows a user scrolled down to in place while rows are inserted or removed above them, as in a history
 * that grows at the top (newest first): otherwise each new checkpoint moves the rows being read down by one. At the
 * top of the table, new rows come into view as they arrive. FX thread only.
 */
public final class RowsInPlace {
    private RowsInPlace() {
    }

    /** Keeps {@code table}'s rows in place when its items change above the first row shown. */
    public static <T> void keep(TableView<T> table) {
        int[] scrolledTo = {-1}; // the row put on top since the last layout, whose cells still show the old one
        ListChangeListener<T> listener = change -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
            int top = scrolledTo[0] >= 0 ? scrolledTo[0] : first == null ? 0 : first.getIndex();
            if (top <= 0) {
                return;
            }
            int shifted = top;
            while (change.next()) {
                if (!change.wasPermutated() && change.getFrom() <= shifted) {
                    shifted += change.getAddedSize() - change.getRemovedSize();
                }
            }
            if (shifted != top) {
                scrolledTo[0] = Math.max(0, shifted);
                flow.scrollToTop(scrolledTo[0]);
                Platform.runLater(() -> scrolledTo[0] = -1);
            }
        };
        table.getItems().addListener(listener);
        table.itemsProperty().addListener((obs, old, items) -> {
            if (old != null) {
                old.removeListener(listener);
            }
            if (items != null) {
                items.addListener(listener);
            }
        });
    }
}
