package org.checkpointlab.views.live;

import javafx.animation.AnimationTimer;

/**
 * The frame loop: on every JavaFX pulse it polls the engine once ({@link LiveJobViewModel#refresh(long)}), draws
 * the result ({@link LiveGraph#render()}) and records the frame's work time and the time since the previous
 * frame in {@link FrameStats}. Engine events between two frames coalesce into one snapshot.
 */
public final class LiveFrameLoop extends AnimationTimer {
    private final LiveJobViewModel live;
    private final LiveGraph graph;
    private final FrameStats stats = new FrameStats();
    private final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();

    public LiveFrameLoop(LiveJobViewModel live, LiveGraph graph) {
        this.live = live;
        this.graph = graph;
    }

    public FrameStats stats() {
        return stats;
    }

    @Override
    public void handle(long now) {
        long start = System.nanoTime();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        live.refresh(start);
        graph.render();
        stats.record(start, System.nanoTime() - start, cpu.getCurrentThreadCpuTime() - cpuStart);
    }
}
