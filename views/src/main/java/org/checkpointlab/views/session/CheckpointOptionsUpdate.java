package org.checkpointlab.views.session;

import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.pipeline.CheckpointOption;
import org.checkpointlab.views.i18n.Texts;

/**
 * Applies new checkpoint options to the session's running job from its next checkpoint on (where its engine can),
 * and records what changed as a settings event and in the activity log.
 */
final class CheckpointOptionsUpdate {
    private CheckpointOptionsUpdate() {
    }

    /**
     * As {@link JobSession#updateCheckpointOptions(CheckpointOptions)}.
     *
     * @param clock epoch ms now, for the settings event
     */
    static List<String> apply(JobSession session, CheckpointOptions options, LongSupplier clock) {
        JobClient current = session.job();
        if (current == null || current.status().isTerminal()) {
            return List.of(Texts.get("session.noRunningJob"));
        }
        List<String> problems = Problems.ofOptions(options);
        if (!problems.isEmpty()) {
            return problems;
        }
        if (!current.supports(JobClient.Capability.LIVE_CHECKPOINT_OPTIONS)) {
            return List.of(Texts.get("session.cannotChangeOptions"));
        }
        CheckpointOptions before = current.checkpointOptions();
        try {
            current.updateCheckpointOptions(options);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        session.setCheckpointOptions(options);
        String change = describe(before, options);
        session.addEvent(new JobEvent(clock.getAsLong(), JobEvent.Kind.SETTINGS, change));
        session.log(Texts.format("session.optionsApplied", change));
        return List.of();
    }

    /** "interval 2s → 500ms, unaligned false → true" from the options that differ. */
    static String describe(CheckpointOptions before, CheckpointOptions after) {
        StringBuilder text = new StringBuilder();
        for (CheckpointOption<?> option : CheckpointOption.ALL) {
            String was = option.text(before);
            String is = option.text(after);
            if (!Objects.equals(was, is)) {
                text.append(text.length() == 0 ? "" : ", ").append(option.key()).append(' ').append(was)
                        .append(" \u2192 ").append(is);
            }
        }
        return text.length() == 0 ? Texts.get("session.noChange") : text.toString();
    }
}
