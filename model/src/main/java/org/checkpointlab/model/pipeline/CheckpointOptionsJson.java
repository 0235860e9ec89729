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
        List<String> problems = formProblems(section);
        findings(section).forEach(p -> problems.add(p.english()));
        return problems;
    }

    /** The unknown keys and values of the wrong form of {@code section}, in English. */
    public static List<String> formProblems(Map<String, ?> section) {
        List<String> problems = new ArrayList<>();
        apply(section, CheckpointOptions.defaults(), problems);
        return problems;
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

    private static CheckpointOptions apply(Map<String, ?> section, CheckpointOptions base, List<String> problems) {
        CheckpointOptions o = Objects.requireNonNull(base, "base");
        List<String> keys = new ArrayList<>(section.keySet());
        keys.sort(Comparator.comparingInt((String k) -> KEYS.contains(k) ? KEYS.indexOf(k) : KEYS.size())
                .thenComparing(Comparator.naturalOrder()));
        for (String key : keys) {
            CheckpointOption<?> option = CheckpointOption.byKey(key).orElse(null);
            if (option == null) {
                problems.add("unknown key '" + key + "' (known keys: " + String.join(", ", KEYS) + ")");
                continue;
            }
            try {
                o = option.withJson(o, section.get(key));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return o;
    }
}
