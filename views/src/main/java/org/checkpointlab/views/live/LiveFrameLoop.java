package org.checkpointlab.views.live;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * The frame loop: on every JavaFX pulse it has the job session sample the engine once ({@code JobSession.sample}, the
 * single feed of the live graph and the panels) and draws the result ({@link LiveGraph#render()}). Engine events between two frames coalesce into one snapshot. It stays
 * within a {@link SamplingBudget}: all the CPU time the UI thread and JavaFX's renderer thread use is counted (a
 * sample's polling, drawing, CSS and layout; the panels it updates; painting; handing the frame to the display;
 * the pulses in between), and when that is costly some frames are left as they were, so that watching a big job
 * at full speed does not take the engine's cores.
 *
 * <p>It measures each frame into {@link FrameStats}: from the start of its work to the end of the pulse's CSS and
 * layout pass once {@linkplain #measure(Scene) attached to the scene} (else to the end of its own work), the FX
 * thread's CPU time in between, and the time since the previous frame.
 *
 * <p>Twice a second it tells the budget how much of the machine was idle (all processes, the display server
 * included; this process's own use when the JVM cannot tell), so that the view samples every frame when the
 * engine leaves cores free (slow motion, pause, a small pipeline) and keeps to its share when the engine keeps
 * them busy.
 */
public final class LiveFrameLoop extends AnimationTimer {
    private final LiveJobViewModel live;
    private final LiveGraph graph;
    private final FrameStats stats = new FrameStats();
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final SamplingBudget budget;
    private long rendererThreadId = -1;
    private long rendererCpu;
    private long fxCpu = -1;
    private final Runnable pulseDone = this::pulseDone;
    private Scene measured;
    private long frameStart = -1;
    private long frameCpuStart;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private long lastLoadNanos = Long.MIN_VALUE / 2;
    private long lastProcessCpu = -1;
    private LongConsumer afterFrame = now -> { };
    static final long LOAD_INTERVAL_NANOS = 500_000_000L;

    public LiveFrameLoop(LiveJobViewModel live, LiveGraph graph) {
        this(live, graph, SamplingBudget.forThisMachine());
    }

    public LiveFrameLoop(LiveJobViewModel live, LiveGraph graph, SamplingBudget budget) {
        this.live = live;
        this.graph = graph;
        this.budget = budget;
    }

    /**
     * Runs after each frame, with the frame's start; a frame that did not sample the engine shows the same snapshot
     * as the frame before it.
     */
    public void afterFrame(LongConsumer action) {
        afterFrame = action == null ? now -> { } : action;
    }

    /** CPU time this process used so far, in nanoseconds, or -1 when unknown. */
    private static long processCpuTime() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The machine's CPU load since the last call, 0 to 1 (every process), or a negative number when unknown. */
    private static double machineCpuLoad() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getCpuLoad();
        }
        return -1;
    }

    /**
     * Tells the budget the share of the cores left idle since the last time (twice a second): by every process, so
     * that the display server's work and other programs count as busy; by this process alone when the JVM cannot
     * tell the machine's load.
     */
    private void updateIdleShare(long now) {
        if (now - lastLoadNanos < LOAD_INTERVAL_NANOS) {
            return;
        }
        double machine = machineCpuLoad();
        long used = processCpuTime();
        if (lastLoadNanos > Long.MIN_VALUE / 2) {
            if (machine >= 0 && machine <= 1) {
                budget.idleShare(1 - machine);
            } else if (used >= 0 && lastProcessCpu >= 0) {
                budget.idleShare(1 - (double) (used - lastProcessCpu) / ((double) (now - lastLoadNanos) * cores));
            }
        }
        lastProcessCpu = used;
        lastLoadNanos = now;
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
        updateIdleShare(frameStart);
        budget.spend(rendererCpuSinceLastFrame() + fxCpuSinceLastFrame(frameCpuStart));
        if (!budget.trySample(frameStart)) {
            afterFrame.accept(frameStart);
            finishFrame();
            return;
        }
        stats.countSample();
        live.session().sample(frameStart, budget.constrained(frameStart));
        graph.render();
        afterFrame.accept(frameStart);
        if (measured == null) {
            finishFrame();
        } // else the scene's post-layout listener finishes it, after CSS and layout
    }

    private void pulseDone() {
        if (frameStart >= 0) {
            finishFrame();
        }
    }

    /** Records the frame started at {@code frameStart} (its CPU time is spent at the next frame's start). */
    private void finishFrame() {
        long frameCpu = cpu.getCurrentThreadCpuTime() - frameCpuStart;
        stats.record(frameStart, System.nanoTime() - frameStart, frameCpu);
        frameStart = -1;
    }

    /**
     * CPU time the UI thread used since the previous frame started: that frame's sample, CSS, layout and panels,
     * handing the painted frame to the display, and everything else the UI thread did in between.
     */
    private long fxCpuSinceLastFrame(long nowCpu) {
        if (nowCpu < 0) {
            return 0;
        }
        long spent = fxCpu < 0 ? 0 : nowCpu - fxCpu;
        fxCpu = nowCpu;
        return spent;
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
