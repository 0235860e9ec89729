package org.checkpointlab.views.output;

import java.util.Locale;
import org.checkpointlab.model.job.DeliveryVerdict;
import org.checkpointlab.views.i18n.Texts;

/**
 * A delivery verdict in the UI's language: the facts of a {@link DeliveryVerdict} put into the bundle's
 * {@code verdict.*} texts (the command line keeps {@link DeliveryVerdict#english()}).
 */
public final class VerdictTexts {
    private VerdictTexts() {
    }

    /** "exactly-once held", "at-least-once: 3 duplicates, nothing lost", "not computable: …" in the UI's language. */
    public static String of(DeliveryVerdict v) {
        String text = switch (v.outcome()) {
            case EXACTLY_ONCE -> Texts.get("verdict.exactlyOnce");
            case DUPLICATES -> v.countsOnly() ? Texts.format("verdict.atLeastDuplicates", v.duplicates())
                    : Texts.format("verdict.duplicates", v.duplicates());
            case LOST -> v.countsOnly() ? Texts.format("verdict.atLeastLost", v.missing())
                    : v.duplicates() > 0 ? Texts.format("verdict.lostAndDuplicates", v.missing(), v.duplicates())
                    : Texts.format("verdict.lost", v.missing());
            case DIFFERENT_DIGEST -> Texts.get("verdict.differentDigest");
            case NOT_COMPUTABLE -> Texts.format("verdict.notComputable", why(v.why()));
        };
        return v.countsOnly() ? Texts.format("verdict.countsOnly", text) : text;
    }

    /** Why a verdict cannot be computed, e.g. "source 'numbers' is unbounded", in the UI's language. */
    public static String why(DeliveryVerdict.NotComputable why) {
        Object[] args = why.args().toArray();
        return Texts.format("verdict.why." + why.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'), args);
    }
}
