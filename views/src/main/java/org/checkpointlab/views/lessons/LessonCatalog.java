package org.checkpointlab.views.lessons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.checkpointlab.model.lesson.Lesson;
import org.checkpointlab.model.lesson.LessonFileException;
import org.checkpointlab.model.lesson.LessonFiles;

/**
 * The lessons on offer: every {@code *.yaml} file of a folder ({@code samples/lessons} in the app), read anew each
 * time it is listed, so an instructor's edited or new lesson shows up without a restart. A file that cannot be read
 * is listed with its problem instead of its lesson.
 */
public final class LessonCatalog {
    private final Path directory;

    public LessonCatalog(Path directory) {
        this.directory = directory;
    }

    /** The lessons next to the samples: {@code <samples folder>/lessons}. */
    public static LessonCatalog besideSamples(Path samplesDirectory) {
        return new LessonCatalog(samplesDirectory.resolve("lessons"));
    }

    public Path directory() {
        return directory;
    }

    /** A lesson file, read: its lesson, or why it cannot be used. */
    public record Entry(Path file, Lesson lesson, LessonFileException problem) {
        public boolean readable() {
            return lesson != null;
        }
    }

    /** Every lesson file, sorted by file name; empty when the folder does not exist. */
    public List<Entry> entries() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(LessonFiles.EXTENSION))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lessons folder " + directory, e);
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            try {
                entries.add(new Entry(file, LessonFiles.read(file), null));
            } catch (LessonFileException e) {
                entries.add(new Entry(file, null, e));
            }
        }
        return entries;
    }

    /** The lesson named {@code name}: its id, or its file name with or without {@code .yaml}. */
    public Optional<Entry> find(String name) {
        return entries().stream().filter(e -> name.equals(e.readable() ? e.lesson().id() : null)
                || e.file().getFileName().toString().equals(name)
                || e.file().getFileName().toString().equals(name + LessonFiles.EXTENSION)).findFirst();
    }

    /** The names {@link #find} knows, for messages. */
    public List<String> names() {
        return entries().stream().filter(Entry::readable).map(e -> e.lesson().id()).toList();
    }
}
