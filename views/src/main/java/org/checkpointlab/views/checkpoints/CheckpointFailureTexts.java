package org.checkpointlab.views.checkpoints;

import java.util.Locale;
import org.checkpointlab.model.checkpoint.CheckpointFailure;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.TriggerRefusal;
import org.checkpointlab.model.observe.FailureCause;
import org.checkpointlab.views.i18n.Texts;

/**
 * Why a checkpoint failed, in the UI's language: the facts of a {@link CheckpointFailure} put into the bundle's
 * {@code checkpointFailure.*} texts (the command line keeps {@link CheckpointFailure#english()}).
 */
public final class CheckpointFailureTexts {
    private CheckpointFailureTexts() {
    }

    /** "checkpoint expired before completing (timeout 600000 ms)" in the UI's language; {@code null} for none. */
    public static String of(CheckpointFailure failure) {
        if (failure == null) {
            return null;
        }
        if (failure.reason() == CheckpointFailure.Reason.TASK_FAILED) {
            String where = CheckpointFailure.THE_JOB.equals(failure.arg(0)) ? Texts.get("checkpointFailure.theJob") : failure.arg(0);
            return Texts.format("checkpointFailure.task-failed", where, FailureCause.ofTaskFailure(failure)
                    .map(FailureCauseTexts::of).orElse(failure.arg(1)));
        }
        return Texts.format("checkpointFailure." + failure.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                failure.args().toArray());
    }

    /**
     * Why a checkpoint asked for did not start, from what its future failed with: a refused trigger in the UI's
     * language, anything else in its own words.
     */
    public static String whyNotTriggered(Throwable error) {
        return TriggerRefusal.in(error).map(r -> Texts.format("triggerRefusal."
                + r.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.args().toArray()))
                .orElseGet(() -> error.getMessage() == null ? error.toString() : error.getMessage());
    }

    /** Why {@code checkpoint} failed, in the UI's language; {@code null} when it did not. */
    public static String of(CheckpointStats checkpoint) {
        return of(checkpoint.failure());
    }
}
