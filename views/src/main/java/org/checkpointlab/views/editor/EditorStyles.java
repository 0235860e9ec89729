package org.checkpointlab.views.editor;

import javafx.css.PseudoClass;

/**
 * The CSS vocabulary of the pipeline editor (palette, ports, rubber bands, inspector, problems and refusal
 * messages), defined in the editor section of {@code checkpoint-lab.css}. Selection and problem marks on cards
 * and edges use {@code GraphStyles.SELECTED} and {@code GraphStyles.INVALID}.
 */
public final class EditorStyles {
    public static final String PALETTE = "palette";
    public static final String PALETTE_HEADER = "palette-header";
    public static final String PALETTE_FILTER = "palette-filter";
    public static final String PALETTE_SECTION = "palette-section";
    public static final String PALETTE_ENTRY = "palette-entry";
    public static final String PALETTE_NAME = "palette-name";
    public static final String PALETTE_DESCRIPTION = "palette-description";
    public static final String PALETTE_COLLAPSED = "palette-collapsed";
    /** An input or output port on a card. */
    public static final String PORT = "port";
    public static final String PORT_IN = "port-in";
    public static final String PORT_OUT = "port-out";
    /** The edge being drawn from an output port to the pointer. */
    public static final String RUBBER_EDGE = "rubber-edge";
    /** The rectangle of a rubber-band selection. */
    public static final String RUBBER_BAND = "rubber-band";
    public static final String INSPECTOR = "inspector";
    public static final String INSPECTOR_TITLE = "inspector-title";
    public static final String INSPECTOR_HINT = "inspector-hint";
    public static final String INSPECTOR_LABEL = "inspector-label";
    public static final String FIELD_ERROR = "field-error";
    /** The refusal message over the canvas. */
    public static final String EDIT_MESSAGE = "edit-message";
    /** The "n problems" badge over the canvas and its list. */
    public static final String PROBLEMS_BADGE = "problems-badge";
    public static final String PROBLEMS_LIST = "problems-list";
    public static final String PROBLEM_LINE = "problem-line";
    /** The hint on an empty editing canvas. */
    public static final String CANVAS_HINT = "canvas-hint";

    /** A port the rubber edge would connect to on release. */
    public static final PseudoClass TARGET = PseudoClass.getPseudoClass("target");
    /** A text field whose value is not valid (not applied). */
    public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private EditorStyles() {
    }
}
