package org.checkpointlab.app;

/**
 * Turns off JavaFX's cache of region backgrounds before the toolkit starts, unless the user chose otherwise with
 * {@code -Dprism.disableRegionCaching=false}.
 *
 * <p>JavaFX draws a region whose background has rounded corners or several fills (the operator cards, the subtask
 * boxes, the buffer slots) by painting it once into a texture and then copying that texture in nine slices on every
 * frame. On a graphics card the copies are nearly free. With the software renderer (no GPU, remote desktops, Xvfb)
 * each copy is an image draw through the rasteriser, and after a sample of a running job, when most of the graph
 * is repainted, those copies were half of the renderer's time. Drawn directly, the same backgrounds cost less: on
 * 20 operators at parallelism 4 the view sampled the engine 2.6-3.0 times a second instead of 1.6 within the same
 * CPU budget (see docs/live-view.md). The pictures are the same.
 */
final class RegionCaching {
    /** The JavaFX (Prism) system property, read once when the toolkit starts. */
    static final String PROPERTY = "prism.disableRegionCaching";

    private RegionCaching() {
    }

    /** Sets {@value #PROPERTY} to {@code true} unless it is set already; returns the value in force. */
    static String disableUnlessSet() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
        return System.getProperty(PROPERTY);
    }
}
