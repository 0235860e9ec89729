package org.checkpointlab.model.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.checkpointlab.model.checkpoint.CheckpointOptions;

/**
 * A pipeline's {@code checkpointing} section: the checkpoint options it sets over Flink's defaults
 * ({@link #options()}), and the entries as the file wrote them ({@link #written()}), so that a file is saved again
 * as it was read ("1000ms" stays "1000ms", a default written out stays). Immutable; equal when the written entries
 * are equal. A section with wrong entries can be held (the validator and the editor name its {@link #problems()});
 * {@link #options()} refuses it.
 */
public final class CheckpointingConfig {
    /** No section: Flink's defaults. */
    public static final CheckpointingConfig NONE = new CheckpointingConfig(Map.of());

    private final Map<String, Object> written;

    private CheckpointingConfig(Map<String, Object> written) {
        this.written = written;
    }

    /**
     * The section a pipeline file holds, keys as in the file; a null interval means "off", other null entries are
     * left out (they mean the default).
     */
    public static CheckpointingConfig written(Map<String, ?> section) {
        if (section == null || section.isEmpty()) {
            return NONE;
        }
        Map<String, Object> kept = new HashMap<>();
        section.forEach((key, value) -> {
            if (value != null) {
                kept.put(key, value);
            } else if (key.equals(CheckpointOption.INTERVAL.key())) {
                kept.put(key, OptionForm.OFF);
            }
        });
        return new CheckpointingConfig(Map.copyOf(kept));
    }

    /** The section for {@code options}: the values that differ from Flink's defaults. */
    public static CheckpointingConfig of(CheckpointOptions options) {
        return written(CheckpointOptionsJson.toSection(options));
    }

    /** The entries as the file has them (text, {@link Long}, {@link Double}, {@link Boolean}). Unmodifiable. */
    public Map<String, Object> written() {
        return written;
    }

    public boolean isEmpty() {
        return written.isEmpty();
    }

    /**
     * Flink's defaults with this section applied (not checked as a whole: see {@link CheckpointOptions#problems()}).
     *
     * @throws IllegalArgumentException naming every key that is unknown or has a value of the wrong form
     */
    public CheckpointOptions options() {
        return CheckpointOptionsJson.apply(written, CheckpointOptions.defaults());
    }

    /** Every problem: unknown keys, values of the wrong form, options that do not go together. */
    public List<String> problems() {
        return CheckpointOptionsJson.problems(written);
    }

    /** The unknown keys and values of the wrong form, in English (the first of {@link #problems()}). */
    public List<String> formProblems() {
        return CheckpointOptionsJson.formProblems(written);
    }

    /** The unknown keys and values of the wrong form, as facts. */
    public List<ValidationProblem> formFindings() {
        return CheckpointOptionsJson.formFindings(written);
    }

    /** The options that do not go together, as facts (the rest of {@link #problems()}). */
    public List<org.checkpointlab.model.checkpoint.OptionProblem> optionFindings() {
        return CheckpointOptionsJson.findings(written);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckpointingConfig other && written.equals(other.written);
    }

    @Override
    public int hashCode() {
        return Objects.hash(written);
    }

    @Override
    public String toString() {
        return "checkpointing" + written;
    }
}
