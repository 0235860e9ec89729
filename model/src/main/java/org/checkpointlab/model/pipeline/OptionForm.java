package org.checkpointlab.model.pipeline;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.Retention;
import org.checkpointlab.model.util.Durations;

/**
 * How the values of one type of checkpoint option are written: in a pipeline file (JSON), as text (the settings
 * form, the CLI, messages) and in Flink's configuration. Problems are thrown as {@link IllegalArgumentException}s
 * whose message continues the option's name: either {@code ": 'x' is not a duration..."} or
 * {@code " must be a whole number, was 1.5"} (see {@link CheckpointOption}).
 *
 * @param <T> the Java type of the value ({@code null} where the form allows it, e.g. interval "off")
 */
interface OptionForm<T> {
    String OFF = "off";

    /** The value of a pipeline file's entry. */
    T fromJson(Object value);

    /** The value as a pipeline file holds it: text (by default {@link #text}), a {@link Long} or a boolean. */
    default Object toJson(T value) {
        return text(value);
    }

    /** The value as the settings form and the CLI show it. */
    String text(T value);

    /** The value of a trimmed text; {@code null} when the text is blank and the form has no blank value. */
    T fromText(String text);

    /** Whether a blank text is a value of this form (an interval "off", no directory). */
    default boolean acceptsBlank() {
        return false;
    }

    /** The value in Flink's configuration; {@code null} leaves the key out. */
    String flinkValue(T value);

    /** A duration ("1s", "500ms" or a whole number of ms); the interval also takes "off" or null (no value). */
    record DurationForm(boolean offAllowed) implements OptionForm<Duration> {
        @Override
        public Duration fromJson(Object value) {
            if (offAllowed && (value == null || value instanceof String s && s.trim().equalsIgnoreCase(OFF))) {
                return null;
            }
            if (value instanceof String s) {
                try {
                    return Durations.parse(s);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(": " + e.getMessage(), e);
                }
            }
            if (JsonValues.isWholeNumber(value) && ((Number) value).longValue() >= 0) {
                return Duration.ofMillis(((Number) value).longValue());
            }
            throw new IllegalArgumentException(" must be a duration such as \"500ms\", \"1s\" or \"2m\""
                    + (offAllowed ? " (or \"off\")" : "") + ", was " + JsonValues.describe(value));
        }

        @Override
        public String text(Duration value) {
            return value == null ? OFF : Durations.format(value);
        }

        @Override
        public Duration fromText(String text) {
            if (offAllowed && text.isEmpty()) {
                return null;
            }
            try {
                return fromJson(text);
            } catch (IllegalArgumentException e) {
                throw offAllowed ? new IllegalArgumentException(e.getMessage() + ", or off", e) : e;
            }
        }

        @Override
        public boolean acceptsBlank() {
            return offAllowed;
        }

        @Override
        public String flinkValue(Duration value) {
            return value == null ? null : value.toMillis() + " ms";
        }
    }

    /** A whole number that fits an {@code int}. */
    record WholeNumberForm() implements OptionForm<Integer> {
        @Override
        public Integer fromJson(Object value) {
            if (JsonValues.isWholeNumber(value) && ((Number) value).longValue() >= Integer.MIN_VALUE
                    && ((Number) value).longValue() <= Integer.MAX_VALUE) {
                return ((Number) value).intValue();
            }
            throw new IllegalArgumentException(" must be a whole number, was " + JsonValues.describe(value));
        }

        @Override
        public Object toJson(Integer value) {
            return (long) value;
        }

        @Override
        public String text(Integer value) {
            return Integer.toString(value);
        }

        @Override
        public Integer fromText(String text) {
            try {
                return fromJson(Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(" must be a whole number, was '" + text + "'", e);
            }
        }

        @Override
        public String flinkValue(Integer value) {
            return Integer.toString(value);
        }
    }

    /** true or false. */
    record BooleanForm() implements OptionForm<Boolean> {
        @Override
        public Boolean fromJson(Object value) {
            if (value instanceof Boolean b) {
                return b;
            }
            throw new IllegalArgumentException(" must be true or false, was " + JsonValues.describe(value));
        }

        @Override
        public Object toJson(Boolean value) {
            return value;
        }

        @Override
        public String text(Boolean value) {
            return Boolean.toString(value);
        }

        @Override
        public Boolean fromText(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> fromJson(text);
            };
        }

        @Override
        public String flinkValue(Boolean value) {
            return Boolean.toString(value);
        }
    }

    /**
     * One of an enum's constants by its name in files ("exactly-once", "retain-on-cancellation").
     *
     * @param fileName  the name in files and texts
     * @param parse     the constant of a name; null or an exception (whose message is shown) when there is none
     * @param expected  the names, for messages
     * @param flinkName the name in Flink's configuration
     */
    record EnumForm<E extends Enum<E>>(Function<E, String> fileName, Function<String, E> parse, String expected,
                                       Function<E, String> flinkName) implements OptionForm<E> {
        /** The checkpointing mode: Flink's EXACTLY_ONCE / AT_LEAST_ONCE. */
        static EnumForm<CheckpointingMode> mode() {
            return new EnumForm<>(CheckpointingMode::cliName, CheckpointingMode::fromCliName,
                    "\"exactly-once\" or \"at-least-once\"", CheckpointingMode::name);
        }

        /** The externalized checkpoint retention; Flink's NO_EXTERNALIZED_CHECKPOINTS for none. */
        static EnumForm<Retention> retention() {
            Function<Retention, String> name = r -> r.name().toLowerCase(Locale.ROOT).replace('_', '-');
            return new EnumForm<>(name, text -> Arrays.stream(Retention.values())
                    .filter(r -> name.apply(r).equalsIgnoreCase(text)).findFirst().orElse(null),
                    "\"none\", \"delete-on-cancellation\" or \"retain-on-cancellation\"",
                    r -> r == Retention.NONE ? "NO_EXTERNALIZED_CHECKPOINTS" : r.name());
        }

        @Override
        public E fromJson(Object value) {
            E constant = null;
            if (value instanceof String s) {
                try {
                    constant = parse.apply(s.trim());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(": " + e.getMessage(), e);
                }
            }
            if (constant == null) {
                throw new IllegalArgumentException(" must be " + expected + ", was " + JsonValues.describe(value));
            }
            return constant;
        }

        @Override
        public String text(E value) {
            return fileName.apply(value);
        }

        @Override
        public E fromText(String text) {
            return fromJson(text);
        }

        @Override
        public String flinkValue(E value) {
            return flinkName.apply(value);
        }
    }

    /** A directory path, or none (null) for the job manager's memory. */
    record DirectoryForm(String noneText) implements OptionForm<Path> {
        @Override
        public Path fromJson(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof String s && !s.isBlank()) {
                try {
                    return Path.of(s);
                } catch (InvalidPathException e) {
                    throw new IllegalArgumentException(" is not a valid path: " + e.getMessage(), e);
                }
            }
            throw new IllegalArgumentException(" must be a directory path (or null for the job manager's memory), "
                    + "was " + JsonValues.describe(value));
        }

        @Override
        public Object toJson(Path value) {
            return value == null ? null : value.toString();
        }

        @Override
        public String text(Path value) {
            return value == null ? noneText : value.toString();
        }

        @Override
        public Path fromText(String text) {
            return text.isEmpty() ? null : fromJson(text);
        }

        @Override
        public boolean acceptsBlank() {
            return true;
        }

        @Override
        public String flinkValue(Path value) {
            return value == null ? null : value.toAbsolutePath().toUri().toString();
        }
    }
}
