package org.checkpointlab.views.flink;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.util.AtomicFiles;
import org.checkpointlab.views.preferences.MostRecentFirst;

/**
 * The REST URLs of Flink clusters the user connected to, most recent first (at most {@value #LIMIT}), kept in a
 * small JSON file ({@link #defaultStore()} in the app) rewritten atomically on every change. A missing or damaged
 * store starts an empty list; one that cannot be written keeps the list for this run. FX thread only.
 */
public final class RememberedUrls {
    /** How many URLs are remembered. */
    public static final int LIMIT = 8;

    private final Path store;
    private final ObservableList<String> urls = FXCollections.observableArrayList();

    private RememberedUrls(Path store) {
        this.store = store;
    }

    /** {@code ~/.checkpoint-lab/flink-urls.json}. */
    public static Path defaultStore() {
        return Path.of(System.getProperty("user.home"), ".checkpoint-lab", "flink-urls.json");
    }

    /** The list kept in {@code store}, read now. */
    public static RememberedUrls load(Path store) {
        RememberedUrls remembered = new RememberedUrls(store);
        remembered.urls.setAll(read(store));
        return remembered;
    }

    /** A list that is not persisted (tests). */
    public static RememberedUrls inMemory() {
        return new RememberedUrls(null);
    }

    /** The URLs, most recent first. */
    public ObservableList<String> urls() {
        return FXCollections.unmodifiableObservableList(urls);
    }

    /** The URL connected to last, or empty. */
    public String last() {
        return urls.isEmpty() ? "" : urls.get(0);
    }

    /** Puts {@code url} first and forgets the oldest beyond {@value #LIMIT}. */
    public void remember(String url) {
        List<String> next = MostRecentFirst.put(urls, url, LIMIT);
        urls.setAll(next);
        if (store == null) {
            return;
        }
        JsonArray array = new JsonArray();
        next.forEach(array::add);
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            AtomicFiles.writeString(store, array + "\n");
        } catch (IOException | RuntimeException e) {
            // A convenience: when the store cannot be written (read-only home), the list lasts for this run.
        }
    }

    private static List<String> read(Path store) {
        if (store == null || !Files.isRegularFile(store)) {
            return List.of();
        }
        List<String> read = new ArrayList<>();
        try {
            JsonElement root = JsonParser.parseString(Files.readString(store, StandardCharsets.UTF_8));
            if (root.isJsonArray()) {
                for (JsonElement e : root.getAsJsonArray()) {
                    if (e.isJsonPrimitive() && !read.contains(e.getAsString()) && read.size() < LIMIT) {
                        read.add(e.getAsString());
                    }
                }
            }
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return List.of(); // damaged: start afresh, the next connect rewrites it
        }
        return read;
    }
}
