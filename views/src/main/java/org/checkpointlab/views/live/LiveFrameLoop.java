package org.checkpointlab.views.live;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * The frame loop: on every JavaFX pulse it polls the engine once ({@link LiveJobViewModel#refresh(long)}) and draws
 * the result ({@link LiveGraph#render()}). Engine events between two frames coalesce into one snapshot.
 *
 * <p>It measures each frame into {@link FrameStats}: from the start of its work to the end of the pulse's CSS and
 * layout pass once {@linkplain #measure(Scene) attached to the scene} (else to the end of its own work), the FX
 * thread's CPU time in between, and the time since the previous frame.
 */
public final class LiveFrameLoop extends AnimationTimer {
    private final LiveJobViewModel live;
    private final LiveGraph graph;
    private final FrameStats stats = new FrameStats();
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final Runnable pulseDone = this::pulseDone;
    private Scene measured;
    private long frameStart = -1;
    private long frameCpuStart;

    public LiveFrameLoop(LiveJobViewModel live, LiveGraph graph) {
        this.live = live;
        this.graph = graph;
    }

    public FrameStats stats() {
        return stats;
    }

    /** Counts the scene's CSS and layout pass into each frame's time (the scene the graph is shown in). */
    public void measure(Scene scene) {
        if (measured != null) {
            measured.removePostLayoutPulseListener(pulseDone);
        }
        measured = scene;
        if (scene != null) {
            scene.addPostLayoutPulseListener(pulseDone);
        }
    }

    @Override
    public void handle(long now) {
        long start = System.nanoTime();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        live.refresh(start);
        graph.render();
        if (measured == null) {
            stats.record(start, System.nanoTime() - start, cpu.getCurrentThreadCpuTime() - cpuStart);
        } else {
            frameStart = start;
            frameCpuStart = cpuStart;
        }
    }

    private void pulseDone() {
        if (frameStart >= 0) {
            stats.record(frameStart, System.nanoTime() - frameStart, cpu.getCurrentThreadCpuTime() - frameCpuStart);
            frameStart = -1;
        }
    }
}
