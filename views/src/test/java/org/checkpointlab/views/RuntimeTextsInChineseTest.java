package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;
import org.checkpointlab.model.observe.StepEvent;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.live.StepEventTexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the engine reports while a job runs reaches the Chinese window in Chinese: the barrier event a step stopped
 * at, why a task declined a checkpoint, why the job failed over (too many failed checkpoints, a failed snapshot),
 * worded from the bundles; ids, numbers and an operator's own exception stay as they are. The English bundle keeps
 * the command line's words. Runs in a JVM of its own with the other {@code *InChineseTest}s (views/pom.xml).
 */
class RuntimeTextsInChineseTest {
    /** English words of the engine's wording that must not be left in a Chinese text. */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(barrier|reached|from|sent|source|declined|checkpoint|arrived|before|aligned|failed|exceeded"
                    + "|tolerable|threshold|snapshot|job|savepoint|operator|parallelism|state)\\b");

    @BeforeAll
    static void chinese() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterAll
    static void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void theEventAStepStoppedAt_isChinese() {
        assertThat(StepEventTexts.of(StepEvent.barrierReached(7, "count", 1, "split", 0)))
                .isEqualTo("屏障 7 从 split #0 到达了 count #1");
        assertThat(StepEventTexts.of(StepEvent.barrierSent(12, "sentences", 0)))
                .isEqualTo("数据源 sentences #0 发出了屏障 12");
        for (StepEvent.Kind kind : StepEvent.Kind.values()) {
            StepEvent e = new StepEvent(kind, 3, "count", 1, "split", 0);
            assertThat(StepEventTexts.of(e)).as(kind.name()).doesNotContainPattern(ENGLISH).doesNotContain("{");
        }
    }

    @Test
    void theEnglishBundle_keepsTheCommandLinesWords() {
        Texts.use(Locale.ENGLISH);
        try {
            for (StepEvent.Kind kind : StepEvent.Kind.values()) {
                StepEvent e = new StepEvent(kind, 3, "count", 1, "split", 0);
                assertThat(StepEventTexts.of(e)).isEqualTo(e.english());
            }
        } finally {
            Texts.use(Locale.SIMPLIFIED_CHINESE);
        }
    }
}
