package org.checkpointlab.views;

import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.i18n.Texts;

/** Counted nouns for the status line ("1 operator", "3 problems"), from the {@code count.*} texts. */
final class Counts {
    private Counts() {
    }

    /** {@code n} and the noun of the text key {@code noun} ({@code noun.one} or {@code noun.many}). */
    static String of(int n, String noun) {
        return Texts.format(n == 1 ? noun + ".one" : noun + ".many", n);
    }

    /** "4 operators, 3 edges". */
    static String operatorsAndEdges(PipelineSpec spec) {
        return Texts.format("count.join", of(spec.operators().size(), "count.operator"),
                of(spec.edges().size(), "count.edge"));
    }
}
