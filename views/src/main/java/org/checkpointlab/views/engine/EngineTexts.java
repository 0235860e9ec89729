package org.checkpointlab.views.engine;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The texts of the engine choice, from the {@code flinkrun} bundle (English, Simplified Chinese). */
final class EngineTexts {
    static final String BUNDLE = "org.checkpointlab.views.i18n.flinkrun";

    private final ResourceBundle bundle;

    private EngineTexts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    static EngineTexts forLocale(Locale locale) {
        return new EngineTexts(ResourceBundle.getBundle(BUNDLE, locale));
    }

    static EngineTexts forDefaultLocale() {
        return forLocale(Locale.getDefault());
    }

    /** The text of {@code key} with {@code args} put in; the key itself when the bundle lacks it. */
    String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    /** An engine's name by its id, or {@code fallback} (the engine's own name) for an engine the bundle lacks. */
    String engineName(String id, String fallback) {
        return bundle.containsKey("engine." + id) ? bundle.getString("engine." + id) : fallback;
    }
}
