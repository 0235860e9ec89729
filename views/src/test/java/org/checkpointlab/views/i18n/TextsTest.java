package org.checkpointlab.views.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.MissingResourceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextsTest {
    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void chineseLocale_readsTheChineseBundle() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);

        assertThat(Texts.get("menu.view.language")).isEqualTo("语言(_L)");
        assertThat(Texts.format("language.switch.header", "English")).isEqualTo("以 English 显示 Checkpoint Lab？");
    }

    @Test
    void englishChosenOnAChineseSystem_staysEnglish() {
        Locale system = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            Texts.use(Locale.ENGLISH);

            assertThat(Texts.get("menu.view.language")).isEqualTo("_Language");
        } finally {
            Locale.setDefault(system);
        }
    }

    @Test
    void unshippedLocale_fallsBackToEnglish() {
        Texts.use(Locale.GERMANY);

        assertThat(Texts.get("menu.view.language")).isEqualTo("_Language");
    }

    @Test
    void format_showsNumbersAsWrittenNotRegrouped() {
        assertThat(Texts.format("language.switch.header", 12345)).isEqualTo("Show Checkpoint Lab in 12345?");
    }

    @Test
    void format_givesChoicePatternsTheirNumber_andPlainArgumentsTheNumberAsWritten() {
        java.util.ResourceBundle bundle = new java.util.ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"edges", "Change {0,choice,1#it|1<them} ({1} of {0})"}};
            }
        };

        assertThat(Texts.format(bundle, "edges", 2, 12345)).isEqualTo("Change them (12345 of 2)");
        assertThat(Texts.format(bundle, "edges", 1, 1)).isEqualTo("Change it (1 of 1)");
    }

    @Test
    void missingKey_isNamed() {
        assertThatThrownBy(() -> Texts.get("no.such.key"))
                .isInstanceOf(MissingResourceException.class)
                .hasMessageContaining("no.such.key");
    }

    @Test
    void languageForLocale_chineseForAnyZh_englishOtherwise() {
        assertThat(Language.forLocale(Locale.CHINA)).isEqualTo(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.forLocale(new Locale("zh"))).isEqualTo(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.forLocale(Locale.FRANCE)).isEqualTo(Language.ENGLISH);
        assertThat(Language.forTag("zh-CN")).contains(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.forTag("klingon")).isEmpty();
    }
}
