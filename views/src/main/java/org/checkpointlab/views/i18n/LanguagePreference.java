package org.checkpointlab.views.i18n;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.checkpointlab.model.util.AtomicFiles;

/**
 * The language chosen in View &gt; Language, remembered in the app's preferences file
 * ({@code ~/.checkpoint-lab/preferences.properties}, key {@value #KEY}, a language tag such as {@code zh-CN}),
 * written atomically. Without a choice the app follows the system locale. A missing, unreadable or unknown entry
 * counts as no choice; other entries of the file are kept when it is rewritten.
 */
public final class LanguagePreference {
    static final String KEY = "language";

    private final Path store;

    public LanguagePreference(Path store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** {@code ~/.checkpoint-lab/preferences.properties}. */
    public static Path defaultStore() {
        return Path.of(System.getProperty("user.home"), ".checkpoint-lab", "preferences.properties");
    }

    /** The language chosen in View &gt; Language, if one was. */
    public Optional<Language> chosen() {
        String tag = read().getProperty(KEY);
        return tag == null ? Optional.empty() : Language.forTag(tag.trim());
    }

    /** The language to show: the one chosen, else the one for {@code system}. */
    public Language languageFor(Locale system) {
        return chosen().orElseGet(() -> Language.forLocale(system));
    }

    /** Remembers {@code language} for the next start. */
    public void choose(Language language) throws IOException {
        Properties properties = read();
        properties.setProperty(KEY, language.locale().toLanguageTag());
        StringWriter text = new StringWriter();
        properties.store(text, "Checkpoint Lab preferences");
        Files.createDirectories(store.toAbsolutePath().getParent());
        AtomicFiles.writeString(store, text.toString());
    }

    private Properties read() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(store, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            // no preferences yet
        } catch (IOException | IllegalArgumentException e) {
            return new Properties(); // unreadable: as if nothing was chosen
        }
        return properties;
    }
}
