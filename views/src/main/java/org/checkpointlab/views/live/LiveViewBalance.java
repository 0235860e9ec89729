package org.checkpointlab.views.live;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the live view shares the machine with the engine it watches (View &gt; Live view balance,
 * {@code gui --balance}). Each balance is two numbers for the {@link SamplingBudget}: the share of the machine's CPU
 * the view may use when the engine keeps every core busy, and a minimum number of samples a second it takes even
 * when that share is spent, so that the graph looks live however busy the engine is.
 */
public enum LiveViewBalance {
    /** The view refreshes at least 30 times a second and may use a quarter of the machine. */
    SMOOTH("smooth", 0.25, 30),
    /**
     * The default: at least 12 refreshes a second (10 with a margin for frames the display drops) and 6 % of the
     * machine beyond them; on twenty-operators at full speed the engine keeps most of its headless throughput.
     */
    BALANCED("balanced", 0.06, 12),
    /** The engine first: 3 % of the machine, no minimum (a few refreshes a second on a big job at full speed). */
    ENGINE_FIRST("engine-first", SamplingBudget.DEFAULT_SHARE, 0);

    private final String optionName;
    private final double cpuShare;
    private final double minSamplesPerSecond;

    LiveViewBalance(String optionName, double cpuShare, double minSamplesPerSecond) {
        this.optionName = optionName;
        this.cpuShare = cpuShare;
        this.minSamplesPerSecond = minSamplesPerSecond;
    }

    /** Its name on the command line and in the preferences file: {@code smooth}, {@code balanced}, {@code engine-first}. */
    public String optionName() {
        return optionName;
    }

    /** Share of the machine's CPU the view may use while the engine keeps every core busy, in (0, 1]. */
    public double cpuShare() {
        return cpuShare;
    }

    /** Samples a second the view takes even when its share is spent (0: none). */
    public double minSamplesPerSecond() {
        return minSamplesPerSecond;
    }

    /** The key of its name in the UI bundles. */
    public String textKey() {
        return "menu.view.balance." + name().toLowerCase(Locale.ROOT);
    }

    /**
     * The balance named {@code name} ({@link #optionName()}, any case).
     *
     * @throws IllegalArgumentException naming the value and the balances on offer
     */
    public static LiveViewBalance parse(String name) {
        for (LiveViewBalance balance : values()) {
            if (balance.optionName.equalsIgnoreCase(name == null ? "" : name.trim())) {
                return balance;
            }
        }
        throw new IllegalArgumentException("no live view balance '" + name + "'; choose one of " + names());
    }

    /** The balances' option names, for messages: {@code smooth|balanced|engine-first}. */
    public static String names() {
        return Arrays.stream(values()).map(LiveViewBalance::optionName).collect(Collectors.joining("|"));
    }
}
