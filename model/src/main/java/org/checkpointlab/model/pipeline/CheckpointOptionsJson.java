package org.checkpointlab.model.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.checkpointlab.model.checkpoint.CheckpointOptions;

/**
 * Maps the {@code checkpointing} section of a pipeline file to {@link CheckpointOptions} and back, by the options
 * declared in {@link CheckpointOption}. Keys (all optional, each overriding Flink's default):
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
    public static final List<String> KEYS = CheckpointOption.ALL.stream().map(CheckpointOption::key).toList();

    private CheckpointOptionsJson() {
    }

    /**
     * {@code base} with every key of {@code section} applied. Does not check the combination (see
     * {@link CheckpointOptions#problems()}).
     *
     * @throws IllegalArgumentException naming every key that is unknown or has a value of the wrong form
     */
    public static CheckpointOptions apply(Map<String, ?> section, CheckpointOptions base) {
        List<ValidationProblem> problems = new ArrayList<>();
        CheckpointOptions options = apply(section, base, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", details(problems)));
        }
        return options;
    }

    /**
     * Every problem of {@code section}: unknown keys, values of the wrong form, and the problems of the options
     * it gives when applied to the defaults. Empty when the section is fine.
     */
    public static List<String> problems(Map<String, ?> section) {
        List<String> problems = formProblems(section);
        findings(section).forEach(p -> problems.add(p.english()));
        return problems;
    }

    /** The unknown keys and values of the wrong form of {@code section}, in English. */
    public static List<String> formProblems(Map<String, ?> section) {
        return details(formFindings(section));
    }

    /**
     * The unknown keys ({@link ValidationProblem.Kind#CHECKPOINTING_UNKNOWN_KEY}) and values of the wrong form
     * ({@link ValidationProblem.Kind#CHECKPOINTING_VALUE}) of {@code section}, as facts.
     */
    public static List<ValidationProblem> formFindings(Map<String, ?> section) {
        List<ValidationProblem> problems = new ArrayList<>();
        apply(section, CheckpointOptions.defaults(), problems);
        return problems;
    }

    /** What a form problem of the section says in English, without the section's name. */
    static String detail(ValidationProblem problem) {
        return problem.kind() == ValidationProblem.Kind.CHECKPOINTING_UNKNOWN_KEY
                ? "unknown key '" + problem.arg(0) + "' (known keys: " + problem.arg(1) + ")"
                : problem.arg(4);
    }

    private static List<String> details(List<ValidationProblem> problems) {
        return problems.stream().map(CheckpointOptionsJson::detail).collect(java.util.stream.Collectors.toList());
    }

    /** The problems of the options {@code section} gives when applied to the defaults, as facts. */
    public static List<org.checkpointlab.model.checkpoint.OptionProblem> findings(Map<String, ?> section) {
        return apply(section, CheckpointOptions.defaults(), new ArrayList<>()).findings();
    }

    /**
     * The section for {@code options}: only the values that differ from {@link CheckpointOptions#defaults()},
     * in {@link #KEYS} order, as a pipeline file holds them (durations as text, whole numbers as {@link Long}).
     * {@code apply(toSection(o), CheckpointOptions.defaults())} equals {@code o}.
     */
    public static Map<String, Object> toSection(CheckpointOptions options) {
        CheckpointOptions d = CheckpointOptions.defaults();
        Map<String, Object> section = new LinkedHashMap<>();
        for (CheckpointOption<?> option : CheckpointOption.ALL) {
            if (!Objects.equals(option.get(options), option.get(d))) {
                section.put(option.key(), option.toJson(options));
            }
        }
        return section;
    }

    private static CheckpointOptions apply(Map<String, ?> section, CheckpointOptions base,
                                           List<ValidationProblem> problems) {
        CheckpointOptions o = Objects.requireNonNull(base, "base");
        List<String> keys = new ArrayList<>(section.keySet());
        keys.sort(Comparator.comparingInt((String k) -> KEYS.contains(k) ? KEYS.indexOf(k) : KEYS.size())
                .thenComparing(Comparator.naturalOrder()));
        for (String key : keys) {
            CheckpointOption<?> option = CheckpointOption.byKey(key).orElse(null);
            if (option == null) {
                problems.add(ValidationProblem.of(ValidationProblem.Kind.CHECKPOINTING_UNKNOWN_KEY, key,
                        String.join(", ", KEYS)));
                continue;
            }
            Object value = section.get(key);
            try {
                o = option.withJson(o, value);
            } catch (IllegalArgumentException e) {
                String written = value instanceof String text ? text.trim() : String.valueOf(value);
                problems.add(ValidationProblem.of(ValidationProblem.Kind.CHECKPOINTING_VALUE, key,
                        option.problemOf(written).name(), written, option.defaultText(), e.getMessage()));
            }
        }
        return o;
    }
}
