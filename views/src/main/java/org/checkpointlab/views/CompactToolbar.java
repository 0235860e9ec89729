package org.checkpointlab.views;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.SVGPath;
import org.checkpointlab.views.i18n.Texts;

/**
 * Keeps every control of the main toolbar on screen in a 1600-pixel window, in English and in Chinese: the
 * secondary actions (file, undo and redo, fit and layout) show an outline icon instead of their text. The text
 * stays the button's text (read by screen readers and tests) and is said in the tooltip with its shortcut; the
 * job's controls (run, pause, step, stop, checkpoint, fail, barriers, speed) keep their words.
 */
public final class CompactToolbar {
    /** Style class of the icons (outlines drawn in the text colour). */
    public static final String ICON = "tool-icon";
    /** Style class of a button that shows only its icon. */
    public static final String ICON_BUTTON = "icon-button";

    /** Outline icons on a 16 × 16 grid, by the button's id. */
    private static final Map<String, String> ICONS = Map.of(
            "newButton", "M3 1 H10 L14 5 V15 H3 Z M10 1 V5 H14",
            "openButton", "M1 3 H6 L8 5 H15 V14 H1 Z M1 7 H15",
            "saveButton", "M2 2 H12 L14 4 V14 H2 Z M5 2 V6 H11 V2 M5 14 V9 H11 V14",
            "undoButton", "M5 2 L1.5 5.5 L5 9 M1.5 5.5 H10 C13 5.5 14.5 7.5 14.5 10 C14.5 12.5 13 14 10 14 H6",
            "redoButton", "M11 2 L14.5 5.5 L11 9 M14.5 5.5 H6 C3 5.5 1.5 7.5 1.5 10 C1.5 12.5 3 14 6 14 H10",
            "fitButton", "M1 5 V1 H5 M11 1 H15 V5 M15 11 V15 H11 M5 15 H1 V11 M5 5 H11 V11 H5 Z",
            "autoLayoutButton", "M1 2 H5 V6 H1 Z M1 10 H5 V14 H1 Z M11 6 H15 V10 H11 Z M5 4 H8 V12 H5 M8 8 H11");
    /** Tooltips for the buttons that have none of their own, by id. */
    private static final Map<String, String> TOOLTIPS = Map.of(
            "fitButton", "toolbar.fit.tooltip",
            "autoLayoutButton", "toolbar.autoLayout.tooltip");

    private CompactToolbar() {
    }

    /** Gives the secondary buttons of {@code toolbar} their icons and tooltips. */
    public static void apply(ToolBar toolbar) {
        for (Node item : toolbar.getItems()) {
            String path = item.getId() == null ? null : ICONS.get(item.getId());
            if (path == null || !(item instanceof ButtonBase button)) {
                continue;
            }
            SVGPath icon = new SVGPath();
            icon.setContent(path);
            icon.getStyleClass().add(ICON);
            button.setGraphic(icon);
            button.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            button.getStyleClass().add(ICON_BUTTON);
            button.setAccessibleText(button.getText());
            if (button.getTooltip() == null) {
                String key = TOOLTIPS.get(item.getId());
                button.setTooltip(new Tooltip(key == null ? button.getText() : Texts.get(key)));
            }
        }
    }
}
