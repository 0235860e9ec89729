package org.checkpointlab.views.i18n;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.checkpointlab.views.preferences.PreferencesFile;

/**
 * The language chosen in View &gt; Language, remembered in the app's preferences file
 * ({@code ~/.checkpoint-lab/preferences.properties}, key {@value #KEY}, a language tag such as {@code zh-CN}),
 * written atomically. Without a choice the app follows the system locale. A missing, unreadable or unknown entry
 * counts as no choice; other entries of the file are kept when it is rewritten.
 */
public final class LanguagePreference {
    static final String KEY = "language";

    private final PreferencesFile preferences;

    public LanguagePreference(Path store) {
        this.preferences = new PreferencesFile(store);
    }

    /** {@code ~/.checkpoint-lab/preferences.properties}. */
    public static Path defaultStore() {
        return PreferencesFile.defaultStore();
    }

    /** The language chosen in View &gt; Language, if one was. */
    public Optional<Language> chosen() {
        return preferences.get(KEY).flatMap(Language::forTag);
    }

    /** The language to show: the one chosen, else the one for {@code system}. */
    public Language languageFor(Locale system) {
        return chosen().orElseGet(() -> Language.forLocale(system));
    }

    /** Remembers {@code language} for the next start. */
    public void choose(Language language) throws IOException {
        preferences.put(KEY, language.locale().toLanguageTag());
    }
}
