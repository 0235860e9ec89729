package org.checkpointlab.views;

/** Style classes of the main window's own parts (menu, banner, status bar), defined in checkpoint-lab.css. */
public final class MainStyles {
    /** The root of the main window. */
    public static final String MAIN = "main-view";
    /** The banner listing the problems of a file that failed to open. */
    public static final String ERROR_BANNER = "error-banner";
    /** The banner's first line. */
    public static final String ERROR_TITLE = "error-title";
    /** One problem in the banner. */
    public static final String ERROR_PROBLEM = "error-problem";
    /** The hint on an empty canvas. */
    public static final String EMPTY_HINT = "empty-hint";
    /** The bar at the bottom of the window. */
    public static final String STATUS_BAR = "status-bar";

    /** One entry of the role legend in the status bar; also carries the role's style class. */
    public static final String LEGEND_ENTRY = "legend-entry";

    /** The live status strip under the toolbar. */
    public static final String LIVE_STRIP = "live-strip";
    /** Why Run is disabled, in the live strip (red). */
    public static final String RUN_PROBLEM = "strip-run-problem";
    /** A recent file that no longer exists (its menu item is disabled). */
    public static final String RECENT_MISSING = "recent-missing";
    /** The graph while the fail tool is armed (the next subtask click injects a failure). */
    public static final javafx.css.PseudoClass FAIL_ARMED = javafx.css.PseudoClass.getPseudoClass("fail-armed");

    /** An exception-history line that records a failure (not a recovery). */
    public static final javafx.css.PseudoClass FAILURE = javafx.css.PseudoClass.getPseudoClass("failure");

    private MainStyles() {
    }
}
