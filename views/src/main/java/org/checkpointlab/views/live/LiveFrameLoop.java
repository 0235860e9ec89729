package org.checkpointlab.views.live;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * The frame loop: on every JavaFX pulse it polls the engine once ({@link LiveJobViewModel#refresh(long)}) and draws
 * the result ({@link LiveGraph#render()}). Engine events between two frames coalesce into one snapshot. It stays
 * within a {@link SamplingBudget}: the CPU time of each sample (on the FX thread, through CSS and layout, and the
 * renderer thread's painting) is counted, and when samples are costly some frames are left as they were, so that
 * watching a big job at full speed does not take the engine's cores.
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
    private final SamplingBudget budget;
    private long rendererThreadId = -1;
    private long rendererCpu;
    private final Runnable pulseDone = this::pulseDone;
    private Scene measured;
    private long frameStart = -1;
    private long frameCpuStart;

    public LiveFrameLoop(LiveJobViewModel live, LiveGraph graph) {
        this(live, graph, SamplingBudget.forThisMachine());
    }

    public LiveFrameLoop(LiveJobViewModel live, LiveGraph graph, SamplingBudget budget) {
        this.live = live;
        this.graph = graph;
        this.budget = budget;
    }

    /** How many frames sampled the engine, and how many were left as they were to stay within the budget. */
    public SamplingBudget budget() {
        return budget;
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
        frameStart = System.nanoTime();
        frameCpuStart = cpu.getCurrentThreadCpuTime();
        budget.spend(rendererCpuSinceLastFrame());
        if (!budget.trySample(frameStart)) {
            finishFrame(false);
            return;
        }
        stats.countSample();
        live.refresh(frameStart);
        graph.render();
        if (measured == null) {
            finishFrame(true);
        } // else the scene's post-layout listener finishes it, after CSS and layout
    }

    private void pulseDone() {
        if (frameStart >= 0) {
            finishFrame(true);
        }
    }

    /** Records the frame started at {@code frameStart}; a frame that sampled the engine spends its CPU time. */
    private void finishFrame(boolean sampled) {
        long frameCpu = cpu.getCurrentThreadCpuTime() - frameCpuStart;
        if (sampled) {
            budget.spend(frameCpu);
        }
        stats.record(frameStart, System.nanoTime() - frameStart, frameCpu);
        frameStart = -1;
    }

    /** CPU time JavaFX's renderer thread used since the last call (painting the previous frames), or 0. */
    private long rendererCpuSinceLastFrame() {
        if (rendererThreadId < 0) {
            rendererThreadId = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId)
                    .findFirst().orElse(0);
        }
        if (rendererThreadId == 0) {
            return 0;
        }
        long now = cpu.getThreadCpuTime(rendererThreadId);
        if (now < 0) {
            return 0;
        }
        long spent = rendererCpu == 0 ? 0 : now - rendererCpu;
        rendererCpu = now;
        return spent;
    }
}
