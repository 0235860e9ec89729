package org.checkpointlab.views.session;

import java.util.LinkedHashMap;
import java.util.Map;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.pipeline.CheckpointOptionsJson;
import org.checkpointlab.model.util.Durations;
import org.checkpointlab.views.i18n.Texts;

/**
 * Every checkpoint option as the text a pipeline file and the settings form use ("2s", "exactly-once",
 * "retain-on-cancellation"), keyed by {@link CheckpointOptionsJson#KEYS}, plus a label for each key.
 */
public final class OptionTexts {
    /** What the user sees for a missing storage directory. */
    public static final String MEMORY_STORAGE = Texts.get("option.memoryStorage");

    private OptionTexts() {
    }

    /** Every option of {@code o} as text, in {@link CheckpointOptionsJson#KEYS} order. */
    public static Map<String, String> of(CheckpointOptions o) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("interval", o.interval() == null ? "off" : Durations.format(o.interval()));
        texts.put("mode", o.mode().cliName());
        texts.put("timeout", Durations.format(o.timeout()));
        texts.put("minPause", Durations.format(o.minPause()));
        texts.put("maxConcurrent", Integer.toString(o.maxConcurrent()));
        texts.put("tolerableFailures", Integer.toString(o.tolerableFailures()));
        texts.put("unaligned", Boolean.toString(o.unaligned()));
        texts.put("alignedTimeout", Durations.format(o.alignedTimeout()));
        texts.put("retention", CheckpointOptionsJson.retentionName(o.retention()));
        texts.put("retained", Integer.toString(o.retained()));
        texts.put("directory", o.directory() == null ? MEMORY_STORAGE : o.directory().toString());
        return texts;
    }

    /** The label of an option key as the Flink documentation names it. */
    public static String label(String key) {
        return switch (key) {
            case "interval" -> Texts.get("option.interval");
            case "mode" -> Texts.get("option.mode");
            case "timeout" -> Texts.get("option.timeout");
            case "minPause" -> Texts.get("option.minPause");
            case "maxConcurrent" -> Texts.get("option.maxConcurrent");
            case "tolerableFailures" -> Texts.get("option.tolerableFailures");
            case "unaligned" -> Texts.get("option.unaligned");
            case "alignedTimeout" -> Texts.get("option.alignedTimeout");
            case "retention" -> Texts.get("option.retention");
            case "retained" -> Texts.get("option.retained");
            case "directory" -> Texts.get("option.directory");
            default -> key;
        };
    }
}
