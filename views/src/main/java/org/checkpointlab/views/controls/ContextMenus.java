package org.checkpointlab.views.controls;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;

/** Context menus of nodes that are not controls (cards' subtasks, edges), opened the same way everywhere. */
public final class ContextMenus {
    private ContextMenus() {
    }

    /** Opens {@code menu} on {@code node} when the keyboard (or the platform) asks for it, unless it is open. */
    public static void openOnRequest(Node node, ContextMenu menu) {
        node.setOnContextMenuRequested(e -> {
            if (!menu.isShowing()) {
                menu.show(node, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
    }
}
