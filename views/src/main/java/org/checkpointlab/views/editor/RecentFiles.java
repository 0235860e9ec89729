package org.checkpointlab.views.editor;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.util.AtomicFiles;
import org.checkpointlab.views.preferences.MostRecentFirst;

/**
 * The last {@value #LIMIT} pipeline files opened or saved, most recent first, for File &gt; Open recent. The list
 * is kept in a small JSON file (an array of absolute paths, {@link #defaultStore()} in the app) that is rewritten
 * atomically on every change, so it survives restarts. A missing or unreadable store starts an empty list; a store
 * that cannot be written keeps the list for this run only. Files that no longer exist stay listed (the menu shows
 * them disabled) until they drop off the end or the list is cleared. FX thread only.
 */
public final class RecentFiles {
    /** How many files are remembered. */
    public static final int LIMIT = 10;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final Path store;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    /** One read-only view for everyone: its listeners live as long as it does. */
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(files);

    private RecentFiles(Path store) {
        this.store = store;
    }

    /** {@code ~/.checkpoint-lab/recent.json}. */
    public static Path defaultStore() {
        return Path.of(System.getProperty("user.home"), ".checkpoint-lab", "recent.json");
    }

    /** The list kept in {@code store} (read now; created with the first change). */
    public static RecentFiles load(Path store) {
        RecentFiles recent = new RecentFiles(Objects.requireNonNull(store, "store"));
        recent.files.setAll(read(store));
        return recent;
    }

    /** A list that is not persisted (tests, and windows that should not touch the user's list). */
    public static RecentFiles inMemory() {
        return new RecentFiles(null);
    }

    /** The files, most recent first; read-only. */
    public ObservableList<Path> files() {
        return readOnly;
    }

    /** Puts {@code file} first (moving it up if it was listed) and forgets the oldest beyond {@value #LIMIT}. */
    public void add(Path file) {
        Path key = file.toAbsolutePath().normalize();
        files.setAll(MostRecentFirst.put(files, key, LIMIT));
        persist();
    }

    /** Forgets one file (e.g. one the user removed). */
    public void remove(Path file) {
        if (files.remove(file.toAbsolutePath().normalize())) {
            persist();
        }
    }

    /** Forgets every file. */
    public void clear() {
        files.clear();
        persist();
    }

    private void persist() {
        if (store == null) {
            return;
        }
        JsonArray array = new JsonArray();
        files.forEach(f -> array.add(f.toString()));
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            AtomicFiles.writeString(store, GSON.toJson(array) + "\n");
        } catch (IOException | RuntimeException e) {
            // The list is a convenience: when the store cannot be written (read-only home), it lasts for this run.
        }
    }

    private static List<Path> read(Path store) {
        if (!Files.isRegularFile(store)) {
            return List.of();
        }
        List<Path> read = new ArrayList<>();
        try {
            JsonElement root = JsonParser.parseString(Files.readString(store, StandardCharsets.UTF_8));
            if (!root.isJsonArray()) {
                return List.of();
            }
            for (JsonElement e : root.getAsJsonArray()) {
                if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                    Path p = Path.of(e.getAsString()).toAbsolutePath().normalize();
                    if (!read.contains(p) && read.size() < LIMIT) {
                        read.add(p);
                    }
                }
            }
        } catch (IOException | JsonParseException | InvalidPathException | IllegalStateException e) {
            // A damaged list is not worth an error dialog: start afresh; the next change rewrites it.
            return List.of();
        }
        return read;
    }
}
