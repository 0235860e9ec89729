package org.checkpointlab.app.cli;

import java.util.Locale;

/** Number formats of the command line's human-readable output; locale-independent so scripts can read them. */
final class Formats {
    private Formats() {
    }

    /** {@code 12,345,678}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Records per second without decimals: {@code 2,469,135}. */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** Binary units: {@code 0 B}, {@code 512 B}, {@code 1.5 KiB}, {@code 3.2 MiB}. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** Elapsed time as {@code m:ss} (or {@code h:mm:ss} from an hour on). */
    static String clock(long millis) {
        long s = millis / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Seconds with one decimal: {@code 3.2 s}. */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
