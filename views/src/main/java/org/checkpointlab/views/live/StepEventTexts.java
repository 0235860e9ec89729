package org.checkpointlab.views.live;

import java.util.Locale;
import org.checkpointlab.model.observe.StepEvent;
import org.checkpointlab.views.i18n.Texts;

/**
 * The barrier event a step stopped at, in the UI's language: a {@link StepEvent}'s facts put into the bundle's
 * {@code stepEvent.*} texts (the command line keeps {@link StepEvent#english()}); ids and numbers as they are.
 */
public final class StepEventTexts {
    private StepEventTexts() {
    }

    /** e.g. "barrier 7 reached count #1 from split #0" in the UI's language. */
    public static String of(StepEvent event) {
        return Texts.format("stepEvent." + event.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                String.valueOf(event.checkpointId()), event.operatorId(), String.valueOf(event.subtask()),
                String.valueOf(event.fromOperator()), String.valueOf(event.fromSubtask()));
    }
}
