package org.checkpointlab.views.flink;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The strings of the Flink views, from the bundle {@code org.checkpointlab.views.i18n.flink} (English, and
 * Simplified Chinese in {@code flink_zh_CN}). Keys with arguments are {@link MessageFormat} patterns.
 */
public final class FlinkTexts {
    private static final String BUNDLE = "org.checkpointlab.views.i18n.flink";

    private FlinkTexts() {
    }

    /** The text of {@code key} in the default locale. */
    public static String get(String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, Locale.getDefault()).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text " + key + " in " + BUNDLE, e);
        }
    }

    /** The pattern of {@code key} with {@code args} filled in. */
    public static String format(String key, Object... args) {
        return new MessageFormat(get(key), Locale.getDefault()).format(args);
    }
}
