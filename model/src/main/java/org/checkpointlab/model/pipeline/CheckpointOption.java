package org.checkpointlab.model.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.Retention;

/**
 * The declaration of one checkpoint option, and {@link #ALL} of them: its key in a pipeline file's
 * {@code checkpointing} section, its Java type, Flink's configuration key and default, its command-line flag, and
 * the label the settings form shows. The pipeline file ({@link CheckpointOptionsJson}), the CLI's flags, the
 * settings form and its texts, and the translation to Flink's configuration all read the options from here, so an
 * option is added or changed in this one place. Values live in {@link CheckpointOptions}; {@link #get} and
 * {@link #with} reach them.
 *
 * @param key      the key in a pipeline file's {@code checkpointing} section, e.g. {@code "minPause"}
 * @param type     the Java type of the value
 * @param label    the label as the Flink documentation names the option, e.g. "Min pause between checkpoints"
 * @param flinkKey Flink's configuration key, e.g. {@code execution.checkpointing.min-pause}
 * @param form     how values are written in a file, as text and for Flink
 * @param getter   the value in a {@link CheckpointOptions}
 * @param wither   a {@link CheckpointOptions} with another value
 * @param flag     the command-line flag, or {@code null} when the option has none (see {@link #cliFlag()})
 * @param <T>      the type of the value; {@code null} only where the option has a "none" (interval off, no
 *                 directory)
 */
public record CheckpointOption<T>(String key, Class<T> type, String label, String flinkKey, OptionForm<T> form,
                                  Function<CheckpointOptions, T> getter,
                                  BiFunction<CheckpointOptions, T, CheckpointOptions> wither, CliFlag flag) {
    /** What a missing storage directory means, as the settings form and the CLI show it. */
    public static final String MEMORY_STORAGE = "jobmanager (memory, 5 MiB state limit)";

    public static final CheckpointOption<Duration> INTERVAL = new CheckpointOption<>("interval", Duration.class,
            "Checkpoint interval", "execution.checkpointing.interval", new OptionForm.DurationForm(true),
            CheckpointOptions::interval, CheckpointOptions::withInterval,
            CliFlag.value("--interval", "DURATION|off", "Periodic checkpoint interval, or off."));
    public static final CheckpointOption<CheckpointingMode> MODE = new CheckpointOption<>("mode",
            CheckpointingMode.class, "Checkpointing mode", "execution.checkpointing.mode", OptionForm.EnumForm.mode(),
            CheckpointOptions::mode, CheckpointOptions::withMode,
            CliFlag.value("--mode", "exactly-once|at-least-once", "Checkpointing mode."));
    public static final CheckpointOption<Duration> TIMEOUT = new CheckpointOption<>("timeout", Duration.class,
            "Checkpoint timeout", "execution.checkpointing.timeout", new OptionForm.DurationForm(false),
            CheckpointOptions::timeout, CheckpointOptions::withTimeout,
            CliFlag.value("--timeout", "DURATION",
                    "A checkpoint not complete after this long fails (Flink's default 10m)."));
    public static final CheckpointOption<Duration> MIN_PAUSE = new CheckpointOption<>("minPause", Duration.class,
            "Min pause between checkpoints", "execution.checkpointing.min-pause", new OptionForm.DurationForm(false),
            CheckpointOptions::minPause, CheckpointOptions::withMinPause,
            CliFlag.value("--min-pause", "DURATION",
                    "Minimum pause from the end of one checkpoint to the start of the next."));
    public static final CheckpointOption<Integer> MAX_CONCURRENT = new CheckpointOption<>("maxConcurrent",
            Integer.class, "Max concurrent checkpoints", "execution.checkpointing.max-concurrent-checkpoints",
            new OptionForm.WholeNumberForm(), CheckpointOptions::maxConcurrent, CheckpointOptions::withMaxConcurrent,
            CliFlag.value("--max-concurrent", "N", "Checkpoints in progress at once."));
    public static final CheckpointOption<Integer> TOLERABLE_FAILURES = new CheckpointOption<>("tolerableFailures",
            Integer.class, "Tolerable failed checkpoints", "execution.checkpointing.tolerable-failed-checkpoints",
            new OptionForm.WholeNumberForm(), CheckpointOptions::tolerableFailures,
            CheckpointOptions::withTolerableFailures, CliFlag.value("--tolerable-failures", "N",
                    "Consecutive failed checkpoints tolerated before the job fails over."));
    public static final CheckpointOption<Boolean> UNALIGNED = new CheckpointOption<>("unaligned", Boolean.class,
            "Unaligned checkpoints", "execution.checkpointing.unaligned.enabled", new OptionForm.BooleanForm(),
            CheckpointOptions::unaligned, CheckpointOptions::withUnaligned, CliFlag.negatable("--unaligned",
                    "Unaligned checkpoints (exactly-once only); --no-unaligned turns them off."));
    public static final CheckpointOption<Duration> ALIGNED_TIMEOUT = new CheckpointOption<>("alignedTimeout",
            Duration.class, "Aligned checkpoint timeout", "execution.checkpointing.aligned-checkpoint-timeout",
            new OptionForm.DurationForm(false), CheckpointOptions::alignedTimeout,
            CheckpointOptions::withAlignedTimeout, CliFlag.value("--aligned-timeout", "DURATION",
                    "With --unaligned: start aligned, switch to unaligned after aligning this long "
                            + "(0ms = unaligned at once)."));
    public static final CheckpointOption<Retention> RETENTION = new CheckpointOption<>("retention", Retention.class,
            "Externalized checkpoint retention", "execution.checkpointing.externalized-checkpoint-retention",
            OptionForm.EnumForm.retention(), CheckpointOptions::retention, CheckpointOptions::withRetention,
            CliFlag.onSwitch("--retain-checkpoints", "retain-on-cancellation",
                    "Keep completed checkpoints when the job ends or is cancelled (RETAIN_ON_CANCELLATION); "
                            + "each DIR/chk-N of --checkpoint-dir then restores like a savepoint."));
    public static final CheckpointOption<Integer> RETAINED = new CheckpointOption<>("retained", Integer.class,
            "Retained checkpoints", "execution.checkpointing.num-retained", new OptionForm.WholeNumberForm(),
            CheckpointOptions::retained, CheckpointOptions::withRetained, null);
    public static final CheckpointOption<Path> DIRECTORY = new CheckpointOption<>("directory", Path.class,
            "Checkpoint storage directory", "execution.checkpointing.dir",
            new OptionForm.DirectoryForm(MEMORY_STORAGE), CheckpointOptions::directory,
            CheckpointOptions::withDirectory, CliFlag.value("--checkpoint-dir", "DIR",
                    "Store checkpoints in this directory (default: the job manager's memory)."));

    /** Every option, in the order pipeline files, the settings form and messages list them. */
    public static final List<CheckpointOption<?>> ALL = List.of(INTERVAL, MODE, TIMEOUT, MIN_PAUSE, MAX_CONCURRENT,
            TOLERABLE_FAILURES, UNALIGNED, ALIGNED_TIMEOUT, RETENTION, RETAINED, DIRECTORY);

    /**
     * How an option is given on the command line.
     *
     * @param name        the flag, e.g. {@code --interval}
     * @param paramLabel  what its value looks like in the help, e.g. {@code DURATION|off}; null for a switch
     * @param description the help text
     * @param style       whether it takes a value, is a negatable switch ({@code --x} / {@code --no-x}), or a
     *                    switch that sets {@code switchValue}
     * @param switchValue with {@link Style#SWITCH}: the value (as text) the switch sets
     */
    public record CliFlag(String name, String paramLabel, String description, Style style, String switchValue) {
        /** How the flag is written. */
        public enum Style { VALUE, NEGATABLE, SWITCH }

        static CliFlag value(String name, String paramLabel, String description) {
            return new CliFlag(name, paramLabel, description, Style.VALUE, null);
        }

        static CliFlag negatable(String name, String description) {
            return new CliFlag(name, null, description, Style.NEGATABLE, null);
        }

        static CliFlag onSwitch(String name, String switchValue, String description) {
            return new CliFlag(name, null, description, Style.SWITCH, switchValue);
        }
    }

    /** The option with key {@code key} in a pipeline file, e.g. {@code "minPause"}. */
    public static Optional<CheckpointOption<?>> byKey(String key) {
        return ALL.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    /** The command-line flag, if the option has one. */
    public Optional<CliFlag> cliFlag() {
        return Optional.ofNullable(flag);
    }

    /** The option's value in {@code options}. */
    public T get(CheckpointOptions options) {
        return getter.apply(options);
    }

    /** {@code options} with this option set to {@code value}. */
    public CheckpointOptions with(CheckpointOptions options, T value) {
        return wither.apply(options, value);
    }

    /** Flink's default ({@link CheckpointOptions#defaults()}). */
    public T flinkDefault() {
        return get(CheckpointOptions.defaults());
    }

    /**
     * {@code options} with the value of a pipeline file's entry.
     *
     * @throws IllegalArgumentException naming the key, e.g. {@code 'maxConcurrent' must be a whole number, was 1.5}
     */
    public CheckpointOptions withJson(CheckpointOptions options, Object value) {
        try {
            return with(options, form.fromJson(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + key + "'" + e.getMessage(), e);
        }
    }

    /** The option's value in {@code options} as a pipeline file holds it (text, a {@link Long} or a boolean). */
    public Object toJson(CheckpointOptions options) {
        return form.toJson(get(options));
    }

    /** The option's value in {@code options} as text, e.g. "2s", "off", "exactly-once". */
    public String text(CheckpointOptions options) {
        return form.text(get(options));
    }

    /** Flink's default as text, e.g. "10m". */
    public String defaultText() {
        return text(CheckpointOptions.defaults());
    }

    /**
     * The value a user typed (the settings form, a command-line flag), trimmed.
     *
     * @throws OptionValueException with what is wrong, not naming the option (the caller names the field or flag),
     *                               e.g. {@code must be a whole number, was 'two'}
     */
    public T parseText(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() && !form.acceptsBlank()) {
            throw new OptionValueException(OptionValueException.Kind.EMPTY, trimmed, defaultText(),
                    "must not be empty (Flink's default is " + defaultText() + ")", null);
        }
        try {
            return form.fromText(trimmed);
        } catch (IllegalArgumentException e) {
            throw new OptionValueException(problemOf(trimmed), trimmed, defaultText(), e.getMessage().replaceFirst("^:? ", ""),
                    e);
        }
    }

    /** What is wrong with {@code text}, which this option's form refused. */
    OptionValueException.Kind problemOf(String text) {
        if (form instanceof OptionForm.DurationForm d) {
            boolean negative = text.startsWith("-");
            if (d.offAllowed()) {
                return negative ? OptionValueException.Kind.NEGATIVE_DURATION_OR_OFF
                        : OptionValueException.Kind.NOT_DURATION_OR_OFF;
            }
            return negative ? OptionValueException.Kind.NEGATIVE_DURATION : OptionValueException.Kind.NOT_DURATION;
        }
        if (form instanceof OptionForm.WholeNumberForm) {
            return OptionValueException.Kind.NOT_WHOLE_NUMBER;
        }
        if (form instanceof OptionForm.BooleanForm) {
            return OptionValueException.Kind.NOT_BOOLEAN;
        }
        return form instanceof OptionForm.EnumForm ? OptionValueException.Kind.NOT_CHOICE
                : OptionValueException.Kind.NOT_DIRECTORY;
    }

    /** The option's value in {@code options} in Flink's configuration; {@code null} when Flink's key is left out. */
    public String flinkValue(CheckpointOptions options) {
        return form.flinkValue(get(options));
    }

    @Override
    public String toString() {
        return key;
    }
}
