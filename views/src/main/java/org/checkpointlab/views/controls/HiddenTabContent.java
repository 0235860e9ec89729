package org.checkpointlab.views.controls;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/**
 * Keeps the content of unselected tabs out of the scene: a tab's content is attached while the tab is selected
 * and replaced by an empty placeholder otherwise. JavaFX walks every node of the scene on every frame (to update
 * bounds), hidden tabs included, so tables in tabs nobody looks at would cost frame time while the live graph
 * animates. Content set on a tab later (e.g. built on first selection) is kept the same way.
 */
public final class HiddenTabContent {
    private static final String CONTENT = "checkpointlab.tab.content";
    private static final String PLACEHOLDER = "checkpointlab.tab.placeholder";

    private HiddenTabContent() {
    }

    /** Applies to every tab of {@code tabs}, now and when added. FX thread. */
    public static void detachWhileHidden(TabPane tabs) {
        tabs.getTabs().forEach(HiddenTabContent::manage);
        tabs.getTabs().addListener((ListChangeListener<Tab>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(HiddenTabContent::manage);
            }
        });
    }

    /** The tab's real content, attached or not. */
    public static Node contentOf(Tab tab) {
        Object content = tab.getProperties().get(CONTENT);
        return content instanceof Node node ? node : tab.getContent();
    }

    private static void manage(Tab tab) {
        if (tab.getProperties().containsKey(PLACEHOLDER)) {
            return;
        }
        Region placeholder = new Region();
        tab.getProperties().put(PLACEHOLDER, placeholder);
        tab.getProperties().put(CONTENT, tab.getContent());
        tab.contentProperty().addListener((obs, old, now) -> {
            if (now != placeholder) {
                tab.getProperties().put(CONTENT, now);
                show(tab);
            }
        });
        tab.selectedProperty().addListener((obs, old, selected) -> show(tab));
        show(tab);
    }

    private static void show(Tab tab) {
        Node wanted = tab.isSelected() ? (Node) tab.getProperties().get(CONTENT)
                : (Node) tab.getProperties().get(PLACEHOLDER);
        if (tab.getContent() != wanted) {
            tab.setContent(wanted);
        }
    }
}
