package org.checkpointlab.model.pipeline;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The one place where the values of a pipeline file's JSON tree (as {@link StrictJsonTree} reads them: {@link Long},
 * {@link Double}, {@link BigDecimal}, {@link Boolean}, {@link String}, null, maps and lists) are checked for a
 * number type and described in messages. Used by the pipeline reader and writer, the operator parameters and the
 * checkpoint options.
 */
public final class JsonValues {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private JsonValues() {
    }

    /**
     * Whether {@code value} is a whole number: any integer type, or a finite decimal without a fraction (a double
     * only below 2^62, where it is still exact).
     */
    public static boolean isWholeNumber(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p62;
        }
        if (value instanceof BigDecimal b) {
            return isIntegral(b);
        }
        return value instanceof Number;
    }

    /** Whether a decimal has no fraction. */
    public static boolean isIntegral(BigDecimal d) {
        return d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
    }

    /** Whether a decimal is a whole number in the range of a {@code long}. */
    public static boolean isLong(BigDecimal d) {
        return isIntegral(d) && d.compareTo(LONG_MIN) >= 0 && d.compareTo(LONG_MAX) <= 0;
    }

    /** The exact decimal value of a number, or {@code null} for NaN and infinities. */
    public static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return BigDecimal.valueOf(n.longValue());
    }

    /** A value as a message quotes it: text in double quotes, anything else as itself ({@code 1.5}, {@code true}). */
    public static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    /** As {@link #describe(Object)}, naming objects and arrays by their type ("an object", "an array"). */
    public static String typeName(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return describe(value);
    }
}
