package org.checkpointlab.views.session;

import java.util.LinkedHashMap;
import java.util.Map;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.pipeline.CheckpointOption;
import org.checkpointlab.views.i18n.Texts;

/**
 * Every checkpoint option as the text a pipeline file and the settings form use ("2s", "exactly-once",
 * "retain-on-cancellation"), keyed by option key, plus a label for each key; both as {@link CheckpointOption}
 * declares them.
 */
public final class OptionTexts {
    /** What the user sees for a missing storage directory. */
    public static final String MEMORY_STORAGE = Texts.get("option.memoryStorage");

    private OptionTexts() {
    }

    /** Every option of {@code o} as text, in {@link CheckpointOption#ALL} order. */
    public static Map<String, String> of(CheckpointOptions o) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (CheckpointOption<?> option : CheckpointOption.ALL) {
            texts.put(option.key(), option.text(o));
        }
        return texts;
    }

    /** The label of an option key as the Flink documentation names it. */
    public static String label(String key) {
        // The UI's language names the option; CheckpointOption's label is the English fallback.
        return CheckpointOption.byKey(key).map(o -> Texts.messages().containsKey("option." + key)
                ? Texts.get("option." + key) : o.label()).orElse(key);
    }
}
