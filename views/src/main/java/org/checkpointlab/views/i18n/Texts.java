package org.checkpointlab.views.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The desktop app's texts, read from the resource bundles in {@code org/checkpointlab/views/i18n/}:
 * {@code messages.properties} (English, also the fallback) and {@code messages_zh_CN.properties} (Simplified
 * Chinese), both UTF-8. Other features keep their texts in bundle pairs of their own next to them
 * ({@code lessons}, {@code flink}, ...), read with {@link #bundle(String)}.
 *
 * <p>The language is chosen once, at start: the app calls {@link #use(Locale)} before it builds the views (from
 * the saved {@link LanguagePreference} or the system locale); until then the system locale is used. Views and
 * constants read their texts when they are built, so View &gt; Language restarts the app. A bundle is looked up for the
 * chosen locale only, then the English base bundle: never for the JVM's default locale, so {@code use(ENGLISH)}
 * gives English texts on a Chinese system.
 *
 * <p>Values with arguments are {@link MessageFormat} patterns ({@code {0}}; a single quote is written
 * {@code ''}); read them with {@link #format(String, Object...)}. Values without arguments are plain text, read with
 * {@link #get(String)} or as {@code %key} in FXML. A number in a plain {@code {0}} is shown as {@code String.valueOf}
 * gives it (not regrouped), so code formats numbers (ids, sizes, durations) itself; {@code {0,choice,...}} and
 * {@code {0,number,...}} get the number.
 */
public final class Texts {
    /** The base name of the app's main bundle. */
    public static final String MESSAGES = "org.checkpointlab.views.i18n.messages";

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile Locale locale;

    private Texts() {
    }

    /** Uses {@code chosen} for every text read from now on. */
    public static void use(Locale chosen) {
        locale = Objects.requireNonNull(chosen, "locale");
    }

    /** The language texts are read in: the one chosen with {@link #use(Locale)}, or the system locale. */
    public static Locale locale() {
        Locale chosen = locale;
        return chosen != null ? chosen : Locale.getDefault();
    }

    /** The main bundle in the current language (for {@code FXMLLoader.setResources}). */
    public static ResourceBundle messages() {
        return bundle(MESSAGES);
    }

    /**
     * The bundle {@code baseName} (for example {@code org.checkpointlab.views.i18n.lessons}) in the current
     * language, falling back to its English base file.
     */
    public static ResourceBundle bundle(String baseName) {
        return ResourceBundle.getBundle(baseName, locale(), Texts.class.getClassLoader(),
                NO_DEFAULT_LOCALE_FALLBACK);
    }

    /**
     * The text of {@code key} in the main bundle.
     *
     * @throws MissingResourceException naming the key when no bundle has it
     */
    public static String get(String key) {
        return messages().getString(key);
    }

    /** The pattern of {@code key} with {@code arguments} put in ({@link MessageFormat}, current locale). */
    public static String format(String key, Object... arguments) {
        return format(messages(), key, arguments);
    }

    /** The pattern of {@code key} in {@code bundle} with {@code arguments} put in. */
    public static String format(ResourceBundle bundle, String key, Object... arguments) {
        String pattern = bundle.getString(key);
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            // A plain {i} shows the number as written; {i,number} or {i,choice} needs the number itself.
            boolean formatted = pattern.matches("(?s).*\\{" + i + "\\s*,.*");
            shown[i] = arguments[i] instanceof Number && !formatted ? String.valueOf(arguments[i]) : arguments[i];
        }
        Locale shownIn = bundle.getLocale() == null ? locale() : bundle.getLocale();
        return new MessageFormat(pattern, shownIn).format(shown);
    }
}
