package org.checkpointlab.model.util;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in pipeline files and on the command line: {@code 250ms}, {@code 1s},
 * {@code 1.5s}, {@code 2m}, {@code 1h}, or a plain number of milliseconds ({@code 100}, {@code 0}).
 * {@link #format(Duration)} writes the shortest exact form that {@link #parse(String)} reads back to the same
 * duration.
 */
public final class Durations {

    /** The accepted forms, for error messages. */
    public static final String ACCEPTED_FORMS =
            "a non-negative number with unit ms, s, m or h (e.g. 250ms, 1.5s, 2m, 1h), or a plain number of ms";

    private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    /** Units from the largest down, with their length in nanoseconds. */
    private enum Unit {
        H("h", 3_600_000_000_000L), M("m", 60_000_000_000L), S("s", 1_000_000_000L), MS("ms", NANOS_PER_MILLI);

        final String suffix;
        final long nanos;

        Unit(String suffix, long nanos) {
            this.suffix = suffix;
            this.nanos = nanos;
        }

        static Unit of(String suffix) {
            for (Unit u : values()) {
                if (u.suffix.equals(suffix)) {
                    return u;
                }
            }
            throw new AssertionError(suffix);
        }
    }

    private Durations() {
    }

    /**
     * Reads a duration. Case-insensitive, surrounding whitespace ignored; a number without unit is milliseconds.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms when it is not a duration, is
     *                                  negative, is finer than a nanosecond, or is too large
     */
    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing duration; expected " + ACCEPTED_FORMS);
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SYNTAX.matcher(trimmed);
        if (!m.matches()) {
            String what = trimmed.startsWith("-") ? "is negative" : "is not a duration";
            throw new IllegalArgumentException("'" + text + "' " + what + "; expected " + ACCEPTED_FORMS);
        }
        Unit unit = m.group(2) == null ? Unit.MS : Unit.of(m.group(2));
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit.nanos));
        BigInteger exact;
        try {
            exact = nanos.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is finer than a nanosecond; expected "
                    + ACCEPTED_FORMS, e);
        }
        if (exact.compareTo(MAX_NANOS) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too long (at most about 292 years)");
        }
        return Duration.ofNanos(exact.longValueExact());
    }

    /**
     * The shortest exact text for {@code d} in the largest unit that holds it whole: {@code 100ms}, {@code 1s},
     * {@code 2m}, {@code 1500ms}, {@code 0ms}. Durations finer than a millisecond are written as fractional
     * milliseconds ({@code 1.5ms}).
     *
     * @throws IllegalArgumentException if {@code d} is negative or longer than {@link Long#MAX_VALUE} nanoseconds
     */
    public static String format(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot format negative duration " + d);
        }
        long nanos;
        try {
            nanos = d.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration " + d + " is too long to format", e);
        }
        if (nanos == 0) {
            return "0ms";
        }
        for (Unit u : Unit.values()) {
            if (nanos % u.nanos == 0) {
                return nanos / u.nanos + u.suffix;
            }
        }
        BigDecimal millis = BigDecimal.valueOf(nanos).movePointLeft(6).stripTrailingZeros();
        return millis.toPlainString() + Unit.MS.suffix;
    }
}
