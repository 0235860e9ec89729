package org.checkpointlab.views.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.checkpointlab.model.client.JobClient;
import org.junit.jupiter.api.Test;

class EngineTextsTest {

    private static Set<String> keys(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(EngineTexts.BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new TreeSet<>(bundle.keySet());
    }

    @Test
    void englishAndChineseHaveTheSameTexts_andEveryCapabilityIsNamed() {
        Set<String> english = keys(Locale.ROOT);
        assertThat(keys(Locale.SIMPLIFIED_CHINESE)).isEqualTo(english);
        for (JobClient.Capability c : JobClient.Capability.values()) {
            assertThat(english).contains("capability." + c.name(), "capability.short." + c.name());
        }
    }

    @Test
    void textsFillInTheirArguments_andAnEngineWithoutATextKeepsItsOwnName() {
        EngineTexts texts = EngineTexts.forLocale(Locale.ROOT);
        assertThat(texts.get("engine.refused", "Embedded Flink", "--backend rocksdb: ..."))
                .isEqualTo("Embedded Flink cannot run this pipeline: --backend rocksdb: ...");
        assertThat(texts.engineName("flink-embedded", "x")).isEqualTo("Embedded Flink");
        assertThat(texts.engineName("flink-remote", "Remote Flink")).isEqualTo("Remote Flink");
        assertThat(EngineTexts.forLocale(Locale.SIMPLIFIED_CHINESE).engineName("local", "x")).isEqualTo("本地引擎");
    }
}
