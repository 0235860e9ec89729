package org.checkpointlab.views.session;

import java.util.Objects;
import org.checkpointlab.views.i18n.Texts;

/**
 * Something that happened to the job and that every chart marks on its time axis: a failure, a recovery, a
 * savepoint, a settings change, a restore / redeployment with other settings, or a rescale in place.
 *
 * @param timestampMillis when it happened (epoch ms)
 * @param kind            what kind of event
 * @param description     one line for tooltips and the activity log
 */
public record JobEvent(long timestampMillis, Kind kind, String description) {

    /** The kinds of events, each with the short label drawn next to its chart marker. */
    public enum Kind {
        FAILURE("failure"),
        RECOVERY("recovery"),
        SAVEPOINT("savepoint"),
        SETTINGS("settings"),
        RESTORE("restore"),
        /** The running job rescaled in place (Flink's adaptive scheduler), restarted from its latest checkpoint. */
        RESCALE("rescale");

        private final String label;

        Kind(String label) {
            this.label = Texts.get("eventKind." + label);
        }

        public String label() {
            return label;
        }
    }

    public JobEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }
}
