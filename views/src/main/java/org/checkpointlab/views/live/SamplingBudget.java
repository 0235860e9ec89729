package org.checkpointlab.views.live;

/**
 * How often the live view may sample the engine so that watching a job costs it at most a set share of the
 * machine's CPU. A token bucket: CPU time accrues at {@code share × cores} per second of wall time, up to a burst;
 * each sample spends what it cost (polling the engine, drawing, CSS and layout, painting). When a sample is cheap
 * (a few operators, slow motion, a paused job) the bucket never runs dry and every frame samples; on a job with
 * dozens of busy subtasks at full speed, frames without a sample are left as they are and cost nearly nothing.
 * Pure logic; the frame loop feeds it measured times.
 */
public final class SamplingBudget {
    /** Share of the machine's CPU the live view may use: 8 %. */
    public static final double DEFAULT_SHARE = 0.08;
    /** Unused CPU time kept for a burst of samples: 50 ms. */
    static final long BURST_NANOS = 50_000_000L;

    private final double nanosPerNano;
    private final long burstNanos;
    private double tokens;
    private long lastNanos = Long.MIN_VALUE;
    private long samples;
    private long skipped;

    /**
     * @param share      share of the CPU the view may use, in (0, 1]
     * @param cores      cores of the machine
     * @param burstNanos most CPU time kept unused
     */
    public SamplingBudget(double share, int cores, long burstNanos) {
        if (!(share > 0 && share <= 1) || cores < 1 || burstNanos <= 0) {
            throw new IllegalArgumentException("share in (0, 1], at least one core and a positive burst, was "
                    + share + ", " + cores + ", " + burstNanos);
        }
        this.nanosPerNano = share * cores;
        this.burstNanos = burstNanos;
        this.tokens = burstNanos;
    }

    /**
     * The app's budget: {@link #DEFAULT_SHARE} of this machine's cores, or the share in the system property
     * {@code checkpointlab.view.cpuShare} (e.g. {@code 0.2}).
     */
    public static SamplingBudget forThisMachine() {
        double share = DEFAULT_SHARE;
        String configured = System.getProperty("checkpointlab.view.cpuShare");
        if (configured != null) {
            try {
                share = Double.parseDouble(configured);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("checkpointlab.view.cpuShare must be a number in (0, 1], was '"
                        + configured + "'", e);
            }
        }
        return new SamplingBudget(share, Runtime.getRuntime().availableProcessors(), BURST_NANOS);
    }

    /** Whether the frame starting at {@code nowNanos} may sample the engine (and then must {@link #spend}). */
    public boolean trySample(long nowNanos) {
        if (lastNanos != Long.MIN_VALUE) {
            tokens = Math.min(burstNanos, tokens + (nowNanos - lastNanos) * nanosPerNano);
        }
        lastNanos = nowNanos;
        if (tokens > 0) {
            samples++;
            return true;
        }
        skipped++;
        return false;
    }

    /** Records CPU time the view spent (a sample's work, or painting it on the renderer thread). */
    public void spend(long cpuNanos) {
        tokens -= Math.max(0, cpuNanos);
    }

    /** Frames that sampled the engine. */
    public long samples() {
        return samples;
    }

    /** Frames left as they were to stay within the budget. */
    public long skipped() {
        return skipped;
    }
}
