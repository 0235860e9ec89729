package org.checkpointlab.views.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the desktop app ships complete, each with its name as written in that language. */
public enum Language {
    ENGLISH(Locale.ENGLISH, "English"),
    SIMPLIFIED_CHINESE(Locale.SIMPLIFIED_CHINESE, "\u7b80\u4f53\u4e2d\u6587");

    private final Locale locale;
    private final String nativeName;

    Language(Locale locale, String nativeName) {
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public Locale locale() {
        return locale;
    }

    /** The name shown in View &gt; Language: in its own language, so anyone can find theirs. */
    public String nativeName() {
        return nativeName;
    }

    /** The shipped language for a system locale: Chinese for any {@code zh} locale, English otherwise. */
    public static Language forLocale(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? SIMPLIFIED_CHINESE : ENGLISH;
    }

    /** The language whose {@link Locale#toLanguageTag() tag} is {@code tag} (as preferences store it). */
    public static Optional<Language> forTag(String tag) {
        for (Language language : values()) {
            if (language.locale.toLanguageTag().equalsIgnoreCase(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
