package org.checkpointlab.views.session;

import java.util.LinkedHashMap;
import java.util.Map;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.pipeline.CheckpointOptionsJson;
import org.checkpointlab.model.util.Durations;

/**
 * Every checkpoint option as the text a pipeline file and the settings form use ("2s", "exactly-once",
 * "retain-on-cancellation"), keyed by {@link CheckpointOptionsJson#KEYS}, plus a label for each key.
 */
public final class OptionTexts {
    /** What the user sees for a missing storage directory. */
    public static final String MEMORY_STORAGE = "jobmanager (memory, 5 MiB state limit)";

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
            case "interval" -> "Checkpoint interval";
            case "mode" -> "Checkpointing mode";
            case "timeout" -> "Checkpoint timeout";
            case "minPause" -> "Min pause between checkpoints";
            case "maxConcurrent" -> "Max concurrent checkpoints";
            case "tolerableFailures" -> "Tolerable failed checkpoints";
            case "unaligned" -> "Unaligned checkpoints";
            case "alignedTimeout" -> "Aligned checkpoint timeout";
            case "retention" -> "Externalized checkpoint retention";
            case "retained" -> "Retained checkpoints";
            case "directory" -> "Checkpoint storage directory";
            default -> key;
        };
    }
}
