package org.checkpointlab.views.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguagePreferenceTest {
    @TempDir
    Path dir;

    @Test
    void noChoice_followsTheSystemLocale() {
        LanguagePreference preference = new LanguagePreference(dir.resolve("preferences.properties"));

        assertThat(preference.chosen()).isEmpty();
        assertThat(preference.languageFor(Locale.CHINA)).isEqualTo(Language.SIMPLIFIED_CHINESE);
        assertThat(preference.languageFor(Locale.US)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void aChoice_isRememberedAcrossInstancesAndWinsOverTheSystemLocale() throws Exception {
        Path store = dir.resolve("new-folder").resolve("preferences.properties");
        new LanguagePreference(store).choose(Language.SIMPLIFIED_CHINESE);

        LanguagePreference reread = new LanguagePreference(store);

        assertThat(reread.chosen()).contains(Language.SIMPLIFIED_CHINESE);
        assertThat(reread.languageFor(Locale.US)).isEqualTo(Language.SIMPLIFIED_CHINESE);
        assertThat(Files.readString(store)).contains("language=zh-CN");
    }

    @Test
    void otherEntriesOfTheFile_areKept() throws Exception {
        Path store = dir.resolve("preferences.properties");
        Files.writeString(store, "theme=dark\nlanguage=en\n", StandardCharsets.UTF_8);

        new LanguagePreference(store).choose(Language.SIMPLIFIED_CHINESE);

        assertThat(Files.readString(store)).contains("theme=dark").contains("language=zh-CN");
    }

    @Test
    void unknownOrUnreadableEntry_countsAsNoChoice() throws Exception {
        Path store = dir.resolve("preferences.properties");
        Files.writeString(store, "language=tlh\n", StandardCharsets.UTF_8);
        assertThat(new LanguagePreference(store).chosen()).isEmpty();

        Files.write(store, new byte[] {'l', '=', '\\', 'u', 'Z'});
        assertThat(new LanguagePreference(store).chosen()).isEmpty();
    }
}
