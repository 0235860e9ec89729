package org.checkpointlab.views.session;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the panels write sizes, durations and times, the way the Flink web UI does ("1.2 MiB", "340 ms"). */
public final class Units {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private Units() {
    }

    /** Bytes in B, KiB, MiB or GiB with one decimal; "-" when unknown (negative). */
    public static String bytes(double bytes) {
        if (bytes < 0 || Double.isNaN(bytes)) {
            return "-";
        }
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes / 1024;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** Milliseconds as "850 ms", "2.4 s" or "3m 5s"; "-" when unknown (negative). */
    public static String millis(double ms) {
        if (ms < 0 || Double.isNaN(ms)) {
            return "-";
        }
        if (ms < 1000) {
            return ms == Math.rint(ms) ? String.format(Locale.ROOT, "%.0f ms", ms)
                    : String.format(Locale.ROOT, "%.1f ms", ms);
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        long s = Math.round(ms / 1000);
        return (s / 60) + "m " + (s % 60) + "s";
    }

    /** Wall-clock time of day with milliseconds; "-" for a missing timestamp (≤ 0). */
    public static String clock(long epochMillis) {
        return epochMillis <= 0 ? "-" : CLOCK.format(Instant.ofEpochMilli(epochMillis));
    }
}
