package org.checkpointlab.views.checkpoints;

import java.util.Locale;
import org.checkpointlab.model.observe.FailureCause;
import org.checkpointlab.views.i18n.Texts;

/**
 * What made a subtask or the job fail, in the UI's language, when the lab caused it: a {@link FailureCause}'s facts
 * put into the bundle's {@code failureCause.*} texts (the command line keeps {@link FailureCause#english()}); an
 * exception's own message inside stays as it is.
 */
public final class FailureCauseTexts {
    private FailureCauseTexts() {
    }

    /** e.g. "failure injected into count #1" in the UI's language. */
    public static String of(FailureCause cause) {
        String key = "failureCause." + cause.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (cause.kind()) {
            case INJECTED_AT_RECORD -> Texts.format("0".equals(cause.arg(3)) ? key : key + ".attempt",
                    cause.args().toArray());
            case CHECKPOINT_FAILURES_EXCEEDED -> Texts.format(key, cause.arg(0),
                    CheckpointFailureTexts.of(cause.checkpointFailure()));
            default -> Texts.format(key, cause.args().toArray());
        };
    }
}
