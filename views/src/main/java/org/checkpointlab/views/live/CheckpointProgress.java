package org.checkpointlab.views.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.views.i18n.Texts;

/**
 * The checkpoint part of the status strip: the progress of the checkpoint in flight ("n/m acknowledged") and
 * announcements when a checkpoint completes or fails. {@link #announcements(List)} remembers each checkpoint's
 * last status, so every completion and failure is announced exactly once. FX thread only.
 */
public final class CheckpointProgress {
    private final Map<Long, CheckpointStatus> lastStatus = new HashMap<>();

    /** "Checkpoint 5 (savepoint): 3/8 acknowledged", "... completed ...", "... failed: cause". */
    public static String text(CheckpointStats checkpoint) {
        String name = Texts.format(checkpoint.savepoint() ? "progress.savepoint" : "progress.checkpoint",
                checkpoint.id());
        return switch (checkpoint.status()) {
            case IN_PROGRESS -> Texts.format("progress.inProgress", name, checkpoint.acknowledged(), checkpoint.total(),
                    checkpoint.unaligned() ? Texts.get("progress.unaligned") : "");
            case COMPLETED -> Texts.format("progress.completed", name, checkpoint.acknowledged(), checkpoint.total(),
                    checkpoint.endToEndMillis(), Bytes.format(checkpoint.fullSize()), checkpoint.persistedInFlight() > 0
                            ? Texts.format("progress.persisted", Bytes.format(checkpoint.persistedInFlight())) : "");
            case FAILED -> Texts.format("progress.failed", name, checkpoint.acknowledged(), checkpoint.total(),
                    checkpoint.failure() == null ? Texts.get("progress.noCause")
                            : org.checkpointlab.views.checkpoints.CheckpointFailureTexts.of(checkpoint));
        };
    }

    /**
     * The line for the status strip: the newest checkpoint in progress, else the newest checkpoint; empty when
     * there is none.
     */
    public static String current(List<CheckpointStats> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).status() == CheckpointStatus.IN_PROGRESS) {
                return text(history.get(i));
            }
        }
        return history.isEmpty() ? "" : text(history.get(history.size() - 1));
    }

    /** The checkpoints that completed or failed since the last call, as announcement texts. */
    public List<String> announcements(List<CheckpointStats> history) {
        List<String> news = new ArrayList<>();
        for (CheckpointStats checkpoint : history) {
            CheckpointStatus before = lastStatus.put(checkpoint.id(), checkpoint.status());
            if (before != checkpoint.status() && checkpoint.status() != CheckpointStatus.IN_PROGRESS) {
                news.add(text(checkpoint));
            }
        }
        return news;
    }

    /** Forgets every checkpoint (a new job starts). */
    public void reset() {
        lastStatus.clear();
    }
}
