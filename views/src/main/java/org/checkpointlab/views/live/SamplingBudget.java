package org.checkpointlab.views.live;

/**
 * How often the live view may sample the engine so that watching a job costs it at most a set share of the
 * machine's CPU. A token bucket: CPU time accrues at {@code share × cores} per second of wall time, up to a burst;
 * the view spends all the CPU time its UI and renderer threads use (samples, the panels they update, painting,
 * handing frames to the display, the frames in between). When a sample is cheap
 * (a few operators, slow motion, a paused job) the bucket never runs dry and every frame samples; on a job with
 * dozens of busy subtasks at full speed, frames without a sample are left as they are and cost nearly nothing.
 *
 * <p>CPU nobody uses is not taken from the engine: told how much of the machine was {@linkplain #idleShare idle}
 * lately, the bucket accrues at up to half of it when that is more than the share (slow motion, a paused job, a
 * small pipeline), so the view samples every frame whenever the engine leaves cores free, and falls back to the
 * share when the engine keeps every core busy.
 *
 * <p>A {@link LiveViewBalance} may add a minimum sample rate: samples are paced at that rate on average even when
 * the share is spent (the frames that are due sample regardless of the bucket), so the view looks live however busy
 * the engine is. The view then samples at the minimum rate or at the rate its share pays for, whichever is more:
 * the debt of samples taken beyond the bucket stops at one burst, so it is not paid back out of later samples. Pure logic; the frame loop feeds it measured times.
 */
public final class SamplingBudget {
    /**
     * Share of the machine's CPU the live view may use while the engine keeps every core busy: 3 %. The view costs
     * more than it can count: the display server's work for each painted frame, and HotSpot compiling UI code that
     * a few samples a second keep warming up for minutes (on 2 cores about 0.05 of a core in the first minute, as
     * much again as the budget itself).
     */
    public static final double DEFAULT_SHARE = 0.03;
    /** Part of the idle CPU the view may use when that is more than its share. */
    static final double IDLE_USE = 0.5;
    /** Unused CPU time kept for a burst of samples: 50 ms. */
    static final long BURST_NANOS = 50_000_000L;

    /** Most paced samples owed at once: a frame that came late catches up one sample, not a burst. */
    static final double PACE_BURST = 2;

    private double share;
    private double minSamplesPerSecond;
    private double paceCredits;
    private double idle;
    private LiveViewBalance balance;
    private final int cores;
    private double nanosPerNano;
    private final long burstNanos;
    private double tokens;
    private long lastNanos = Long.MIN_VALUE;
    private long samples;
    private long skipped;
    private long lastSkippedNanos = Long.MIN_VALUE;
    /** How long after a frame was left unsampled the view still counts as {@linkplain #constrained constrained}. */
    static final long CONSTRAINED_NANOS = 1_000_000_000L;

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
        this.share = share;
        this.cores = cores;
        this.nanosPerNano = share * cores;
        this.burstNanos = burstNanos;
        this.tokens = burstNanos;
    }

    /**
     * A budget with {@code balance}'s share and minimum sample rate.
     *
     * @param cores      cores of the machine
     * @param burstNanos most CPU time kept unused
     */
    public SamplingBudget(LiveViewBalance balance, int cores, long burstNanos) {
        this(balance.cpuShare(), cores, burstNanos);
        use(balance);
    }

    /**
     * From now on, {@code balance}'s share and minimum sample rate (View &gt; Live view balance). The CPU time kept
     * and the idle share last told carry over.
     */
    public void use(LiveViewBalance balance) {
        this.balance = java.util.Objects.requireNonNull(balance, "balance");
        this.share = balance.cpuShare();
        this.minSamplesPerSecond = balance.minSamplesPerSecond();
        idleShare(idle);
    }

    /** The balance in use, or null for a budget made of a bare share. */
    public LiveViewBalance balance() {
        return balance;
    }

    /**
     * The app's budget: {@link LiveViewBalance#BALANCED} on this machine's cores (see
     * {@link #forThisMachine(LiveViewBalance)}).
     */
    public static SamplingBudget forThisMachine() {
        return forThisMachine(LiveViewBalance.BALANCED);
    }

    /**
     * A budget with {@code balance} on this machine's cores; the system property {@code checkpointlab.view.cpuShare}
     * (e.g. {@code 0.2}), when set, replaces the balance's share (its minimum sample rate stays).
     */
    public static SamplingBudget forThisMachine(LiveViewBalance balance) {
        SamplingBudget budget = new SamplingBudget(balance, Runtime.getRuntime().availableProcessors(), BURST_NANOS);
        String configured = System.getProperty("checkpointlab.view.cpuShare");
        if (configured != null) {
            budget.share = parseShare(configured);
            budget.idleShare(budget.idle);
        }
        return budget;
    }

    private static double parseShare(String configured) {
        double share;
        try {
            share = Double.parseDouble(configured);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("checkpointlab.view.cpuShare must be a number in (0, 1], was '"
                    + configured + "'", e);
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("checkpointlab.view.cpuShare must be a number in (0, 1], was '"
                    + configured + "'");
        }
        return share;
    }

    /** Whether the frame starting at {@code nowNanos} may sample the engine (and then must {@link #spend}). */
    public boolean trySample(long nowNanos) {
        if (lastNanos != Long.MIN_VALUE) {
            long elapsed = Math.max(0, nowNanos - lastNanos);
            tokens = Math.min(burstNanos, tokens + elapsed * nanosPerNano);
            paceCredits = Math.min(PACE_BURST, paceCredits + elapsed * minSamplesPerSecond / 1e9);
        } else if (minSamplesPerSecond > 0) {
            paceCredits = 1;
        }
        lastNanos = nowNanos;
        if (tokens > 0 || paceCredits >= 1) {
            paceCredits = Math.max(0, paceCredits - 1);
            samples++;
            return true;
        }
        skipped++;
        lastSkippedNanos = nowNanos;
        return false;
    }

    /**
     * Whether the budget held the view back lately: a frame within the last second before {@code nowNanos} was
     * left unsampled. Then the engine keeps the cores busy and the view's cheaper ways (panels updated less often)
     * are worth taking.
     */
    public boolean constrained(long nowNanos) {
        return lastSkippedNanos != Long.MIN_VALUE && nowNanos - lastSkippedNanos < CONSTRAINED_NANOS;
    }

    /**
     * How much of the machine's CPU was idle lately, 0 to 1 (unknown: 0). From then on the bucket accrues at
     * {@code max(share, idle / 2) × cores}.
     */
    public void idleShare(double idle) {
        double known = Double.isFinite(idle) ? Math.max(0, Math.min(1, idle)) : 0;
        this.idle = known;
        nanosPerNano = Math.max(share, IDLE_USE * known) * cores;
    }

    /**
     * Records CPU time the view spent (a sample's work, or painting it on the renderer thread). With a minimum
     * sample rate, the debt stops at one burst.
     */
    public void spend(long cpuNanos) {
        tokens -= Math.max(0, cpuNanos);
        if (minSamplesPerSecond > 0) {
            tokens = Math.max(-burstNanos, tokens); // paced samples are not paid back out of the share
        }
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
