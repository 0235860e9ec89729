package org.checkpointlab.views.preferences;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.checkpointlab.model.util.AtomicFiles;

/**
 * The app's preferences file ({@code ~/.checkpoint-lab/preferences.properties}): what the user chose in the View
 * menu, one entry per choice. A missing or unreadable file reads as empty; writing one entry keeps the others and
 * replaces the file atomically.
 */
public final class PreferencesFile {
    private final Path store;

    public PreferencesFile(Path store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** {@code ~/.checkpoint-lab/preferences.properties}. */
    public static Path defaultStore() {
        return Path.of(System.getProperty("user.home"), ".checkpoint-lab", "preferences.properties");
    }

    public Path store() {
        return store;
    }

    /** The entry {@code key}, trimmed, if the file has one. */
    public Optional<String> get(String key) {
        String value = read().getProperty(key);
        return value == null ? Optional.empty() : Optional.of(value.trim());
    }

    /** Sets the entry {@code key}, keeping the others. */
    public void put(String key, String value) throws IOException {
        Properties properties = read();
        properties.setProperty(key, value);
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
