package org.checkpointlab.views.live;

import java.util.Arrays;
import java.util.Locale;

/**
 * Frame times measured by the app: for each frame, the time its work took (polling the engine, updating the view,
 * and the CSS and layout pass that follows), the FX thread's CPU time for that work, and the time since the
 * previous frame started. Keeps the most recent {@link #CAPACITY} frames and reports nearest-rank percentiles in
 * milliseconds. FX thread only.
 */
public final class FrameStats {
    /** Frames kept (at 60 fps, a bit over 4.5 minutes). */
    public static final int CAPACITY = 16_384;

    private final long[] workNanos = new long[CAPACITY];
    private final long[] intervalNanos = new long[CAPACITY];
    private final long[] cpuNanos = new long[CAPACITY];
    private int frames;
    private int intervals;
    private long lastStartNanos = -1;
    private long sampledFrames;
    private final long[] sampledWorkNanos = new long[CAPACITY];
    private boolean sampling;

    /** Records one frame that started at {@code startNanos} and whose work took {@code work} ns of wall time. */
    public void record(long startNanos, long work) {
        record(startNanos, work, work);
    }

    /**
     * Records one frame: started at {@code startNanos}, its work took {@code work} ns of wall time and {@code cpu}
     * ns of the FX thread's CPU time. The two differ when other threads keep the cores busy: then the frame
     * waits for a core, not for its own work.
     */
    public void record(long startNanos, long work, long cpu) {
        if (sampling) {
            sampling = false;
            sampledWorkNanos[(int) (sampledFrames++ % CAPACITY)] = work;
        }
        cpuNanos[frames % CAPACITY] = cpu;
        workNanos[frames++ % CAPACITY] = work;
        if (lastStartNanos >= 0) {
            intervalNanos[intervals++ % CAPACITY] = startNanos - lastStartNanos;
        }
        lastStartNanos = startNanos;
    }

    public int frames() {
        return frames;
    }

    /** Marks the frame being measured as one that samples the engine (the others are left as they were). */
    public void countSample() {
        sampling = true;
    }

    /** The p-th percentile of the frame time of frames that sampled the engine, in ms (0 without any). */
    public double sampledWorkPercentile(double p) {
        return percentile(sampledWorkNanos, (int) Math.min(sampledFrames, CAPACITY), p);
    }

    /** Frames that sampled the engine. */
    public long sampledFrames() {
        return sampledFrames;
    }

    /** The p-th percentile (0 < p ≤ 100) of frame work time in ms, or 0 without frames. */
    public double workPercentile(double p) {
        return percentile(workNanos, Math.min(frames, CAPACITY), p);
    }

    /** The p-th percentile of the FX thread's CPU time per frame in ms, or 0 without frames. */
    public double cpuPercentile(double p) {
        return percentile(cpuNanos, Math.min(frames, CAPACITY), p);
    }

    /** The p-th percentile of the time between frame starts in ms, or 0 with fewer than two frames. */
    public double intervalPercentile(double p) {
        return percentile(intervalNanos, Math.min(intervals, CAPACITY), p);
    }

    /** Frames per second over the recorded intervals (0 with fewer than two frames). */
    public double framesPerSecond() {
        int n = Math.min(intervals, CAPACITY);
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += intervalNanos[i];
        }
        return total == 0 ? 0 : n * 1e9 / total;
    }

    /**
     * The report printed by {@code --frame-report}: the frame time (a frame's work through CSS and layout; 16 ms
     * is the budget of 60 fps), its FX-thread CPU time, and the interval between frames (16.7 ms at 60 fps, the
     * JavaFX pulse rate; longer when frames are dropped).
     */
    public String report() {
        return String.format(Locale.ROOT,
                "frames: %d (%.1f fps), %d of them sampled the engine (%.1f per second)%n"
                        + "frame time ms: p50 %.2f p95 %.2f p99 %.2f%n"
                        + "frame time ms, frames that sampled the engine: p50 %.2f p95 %.2f p99 %.2f%n"
                        + "frame cpu ms (FX thread): p50 %.2f p95 %.2f p99 %.2f%n"
                        + "frame interval ms: p50 %.2f p95 %.2f p99 %.2f",
                frames, framesPerSecond(), sampledFrames,
                frames == 0 ? 0 : framesPerSecond() * sampledFrames / frames,
                workPercentile(50), workPercentile(95), workPercentile(99),
                sampledWorkPercentile(50), sampledWorkPercentile(95), sampledWorkPercentile(99),
                cpuPercentile(50), cpuPercentile(95), cpuPercentile(99),
                intervalPercentile(50), intervalPercentile(95), intervalPercentile(99));
    }

    static double percentile(long[] values, int count, double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count);
        return sorted[Math.max(0, rank - 1)] / 1_000_000.0;
    }
}
