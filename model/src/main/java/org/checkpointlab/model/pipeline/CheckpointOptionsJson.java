package org.checkpointlab.model.pipeline;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.Retention;
import org.checkpointlab.model.util.Durations;

/**
 * Maps the {@code checkpointing} section of a pipeline file to {@link CheckpointOptions} and back. Keys (all
 * optional, each overriding Flink's default):
 * <pre>
 * interval          duration ("1s", "500ms", a number of ms) or "off"/null      periodic trigger, default off
 * mode              "exactly-once" | "at-least-once"
 * timeout, minPause, alignedTimeout    durations
 * maxConcurrent, tolerableFailures, retained    whole numbers
 * unaligned         true | false
 * retention         "none" | "delete-on-cancellation" | "retain-on-cancellation"
 * directory         checkpoint storage directory, or null for the job manager's memory
 * </pre>
 */
public final class CheckpointOptionsJson {

    /** The keys of the section, in the order {@link #toSection(CheckpointOptions)} writes them. */
    public static final List<String> KEYS = List.of("interval", "mode", "timeout", "minPause", "maxConcurrent",
            "tolerableFailures", "unaligned", "alignedTimeout", "retention", "retained", "directory");

    private static final String OFF = "off";

    private CheckpointOptionsJson() {
    }

    /**
     * {@code base} with every key of {@code section} applied. Does not check the combination (see
     * {@link CheckpointOptions#problems()}).
     *
     * @throws IllegalArgumentException naming every key that is unknown or has a value of the wrong form
     */
    public static CheckpointOptions apply(Map<String, ?> section, CheckpointOptions base) {
        List<String> problems = new ArrayList<>();
        CheckpointOptions options = apply(section, base, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return options;
    }

    /**
     * Every problem of {@code section}: unknown keys, values of the wrong form, and the problems of the options
     * it gives when applied to the defaults. Empty when the section is fine.
     */
    public static List<String> problems(Map<String, ?> section) {
        List<String> problems = new ArrayList<>();
        CheckpointOptions options = apply(section, CheckpointOptions.defaults(), problems);
        problems.addAll(options.problems());
        return problems;
    }

    /**
     * The section for {@code options}: only the values that differ from {@link CheckpointOptions#defaults()},
     * in {@link #KEYS} order, as a pipeline file holds them (durations as text, whole numbers as {@link Long}).
     * {@code apply(toSection(o), CheckpointOptions.defaults())} equals {@code o}.
     */
    public static Map<String, Object> toSection(CheckpointOptions options) {
        CheckpointOptions d = CheckpointOptions.defaults();
        Map<String, Object> section = new LinkedHashMap<>();
        if (!Objects.equals(options.interval(), d.interval())) {
            section.put("interval", options.interval() == null ? OFF : Durations.format(options.interval()));
        }
        if (options.mode() != d.mode()) {
            section.put("mode", options.mode().cliName());
        }
        putDuration(section, "timeout", options.timeout(), d.timeout());
        putDuration(section, "minPause", options.minPause(), d.minPause());
        putInt(section, "maxConcurrent", options.maxConcurrent(), d.maxConcurrent());
        putInt(section, "tolerableFailures", options.tolerableFailures(), d.tolerableFailures());
        if (options.unaligned() != d.unaligned()) {
            section.put("unaligned", options.unaligned());
        }
        putDuration(section, "alignedTimeout", options.alignedTimeout(), d.alignedTimeout());
        if (options.retention() != d.retention()) {
            section.put("retention", retentionName(options.retention()));
        }
        putInt(section, "retained", options.retained(), d.retained());
        if (options.directory() != null) {
            section.put("directory", options.directory().toString());
        }
        return section;
    }

    private static CheckpointOptions apply(Map<String, ?> section, CheckpointOptions base, List<String> problems) {
        CheckpointOptions o = Objects.requireNonNull(base, "base");
        List<String> keys = new ArrayList<>(section.keySet());
        keys.sort(Comparator.comparingInt((String k) -> KEYS.contains(k) ? KEYS.indexOf(k) : KEYS.size())
                .thenComparing(Comparator.naturalOrder()));
        for (String key : keys) {
            Object value = section.get(key);
            try {
                o = applyKey(o, key, value);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return o;
    }

    private static CheckpointOptions applyKey(CheckpointOptions o, String key, Object value) {
        return switch (key) {
            case "interval" -> o.withInterval(isOff(value) ? null : duration(key, value));
            case "mode" -> o.withMode(mode(value));
            case "timeout" -> o.withTimeout(duration(key, value));
            case "minPause" -> o.withMinPause(duration(key, value));
            case "maxConcurrent" -> o.withMaxConcurrent(wholeNumber(key, value));
            case "tolerableFailures" -> o.withTolerableFailures(wholeNumber(key, value));
            case "unaligned" -> o.withUnaligned(bool(key, value));
            case "alignedTimeout" -> o.withAlignedTimeout(duration(key, value));
            case "retention" -> o.withRetention(retention(value));
            case "retained" -> o.withRetained(wholeNumber(key, value));
            case "directory" -> o.withDirectory(directory(value));
            default -> throw new IllegalArgumentException("unknown key '" + key + "' (known keys: "
                    + String.join(", ", KEYS) + ")");
        };
    }

    private static boolean isOff(Object value) {
        return value == null || value instanceof String s && s.trim().equalsIgnoreCase(OFF);
    }

    private static Duration duration(String key, Object value) {
        if (value instanceof String s) {
            try {
                return Durations.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + key + "': " + e.getMessage(), e);
            }
        }
        if (value instanceof Number n && isWholeNumber(n) && n.longValue() >= 0) {
            return Duration.ofMillis(n.longValue());
        }
        throw new IllegalArgumentException("'" + key + "' must be a duration such as \"500ms\", \"1s\" or \"2m\""
                + ("interval".equals(key) ? " (or \"off\")" : "") + ", was " + ParamSpec.describe(value));
    }

    private static int wholeNumber(String key, Object value) {
        if (value instanceof Number n && isWholeNumber(n)
                && n.longValue() >= Integer.MIN_VALUE && n.longValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new IllegalArgumentException("'" + key + "' must be a whole number, was " + ParamSpec.describe(value));
    }

    private static boolean isWholeNumber(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p62;
        }
        if (n instanceof BigDecimal b) {
            return b.signum() == 0 || b.stripTrailingZeros().scale() <= 0;
        }
        return true;
    }

    private static boolean bool(String key, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("'" + key + "' must be true or false, was " + ParamSpec.describe(value));
    }

    private static CheckpointingMode mode(Object value) {
        if (value instanceof String s) {
            try {
                return CheckpointingMode.fromCliName(s.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'mode': " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("'mode' must be \"exactly-once\" or \"at-least-once\", was "
                + ParamSpec.describe(value));
    }

    private static Retention retention(Object value) {
        if (value instanceof String s) {
            for (Retention r : Retention.values()) {
                if (retentionName(r).equalsIgnoreCase(s.trim())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("'retention' must be \"none\", \"delete-on-cancellation\" or "
                + "\"retain-on-cancellation\", was " + ParamSpec.describe(value));
    }

    private static Path directory(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return Path.of(s);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("'directory' is not a valid path: " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("'directory' must be a directory path (or null for the job manager's "
                + "memory), was " + ParamSpec.describe(value));
    }

    /** The pipeline-file name of a retention, e.g. {@code "retain-on-cancellation"}. */
    public static String retentionName(Retention r) {
        return r.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void putDuration(Map<String, Object> section, String key, Duration value, Duration dflt) {
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' has no value");
        }
        if (!value.equals(dflt)) {
            section.put(key, Durations.format(value));
        }
    }

    private static void putInt(Map<String, Object> section, String key, int value, int dflt) {
        if (value != dflt) {
            section.put(key, (long) value);
        }
    }
}
