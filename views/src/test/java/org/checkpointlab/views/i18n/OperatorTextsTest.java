package org.checkpointlab.views.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.ParamSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperatorTextsTest {
    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void everyOperatorKindAndParameter_hasABundleText() {
        List<String> missing = new ArrayList<>();
        for (OperatorKind kind : OperatorKind.values()) {
            if (!Texts.messages().containsKey("kind." + kind.jsonName())) {
                missing.add("kind." + kind.jsonName());
            }
            for (ParamSpec param : kind.params()) {
                if (!Texts.messages().containsKey("param." + kind.jsonName() + "." + param.name())) {
                    missing.add("param." + kind.jsonName() + "." + param.name());
                }
            }
        }
        assertThat(missing).as("operator texts missing from messages.properties").isEmpty();
    }

    @Test
    void inEnglish_theBundleSaysWhatTheEngineSays() {
        for (OperatorKind kind : OperatorKind.values()) {
            assertThat(OperatorTexts.description(kind)).as(kind.jsonName()).isEqualTo(kind.description());
            for (ParamSpec param : kind.params()) {
                assertThat(OperatorTexts.description(kind.jsonName(), param)).isEqualTo(param.description());
            }
        }
    }

    @Test
    void inChinese_theDescriptionIsChinese() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);

        assertThat(OperatorTexts.description(OperatorKind.KEYED_COUNT))
                .isEqualTo("在 keyed 状态中统计每个键的记录数，并发出 (key, 当前计数)。");
    }
}
