package org.checkpointlab.views;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Keeps what the user just chose in view in the side panel's scroll pane: selecting on the canvas brings up the
 * inspector, clicking a subtask box its details, wherever the panel was scrolled to (the legend, the exception
 * history). FX thread only.
 */
final class SidePanelScroll {
    private SidePanelScroll() {
    }

    /** Scrolls {@code scroll} to {@code inspector} on a new selection, and to {@code details} on a new subtask. */
    static void follow(ScrollPane scroll, Node inspector, Node details, ObservableValue<?> selection,
                       ObservableValue<?> subtask) {
        selection.addListener((obs, old, now) -> show(scroll, inspector));
        subtask.addListener((obs, old, now) -> {
            if (now != null) {
                show(scroll, details);
            }
        });
    }

    /** Scrolls so that the top of {@code part} (a child of the scrolled content) is at the top, as far as it goes. */
    static void show(ScrollPane scroll, Node part) {
        Node content = scroll.getContent();
        if (content == null) {
            return;
        }
        double hidden = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden <= 0) {
            return;
        }
        double top = content.sceneToLocal(part.localToScene(0, 0)).getY();
        scroll.setVvalue(Math.max(0, Math.min(1, top / hidden)) * (scroll.getVmax() - scroll.getVmin())
                + scroll.getVmin());
    }
}
