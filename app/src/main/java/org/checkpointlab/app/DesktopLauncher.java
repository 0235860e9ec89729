package org.checkpointlab.app;

import javafx.application.Application;

/**
 * Starts the desktop app. A plain main class, not an {@link Application}: when JavaFX is on the class path
 * rather than the module path, the launcher refuses to start a main class that extends Application directly.
 * Usage: {@code DesktopLauncher [FILE] [--run] [--exit-after 30s] [--frame-report]} (see {@link LaunchOptions}).
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void main(String[] args) {
        RegionCaching.disableUnlessSet(); // read by JavaFX when the toolkit starts, so before launch
        Application.launch(CheckpointLabApp.class, args);
    }
}
