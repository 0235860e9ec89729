package org.checkpointlab.views;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sample pipelines offered in the Samples menu: every {@code *.json} file directly in one folder, by file
 * name. The folder is {@code samples/} relative to the working directory unless the system property
 * {@value #SAMPLES_PROPERTY} names another one. A missing folder simply has no samples.
 */
public final class SampleCatalog {
    /** System property naming the samples folder. */
    public static final String SAMPLES_PROPERTY = "checkpointlab.samples";
    /** The sample opened when the app starts without a file argument. */
    public static final String DEFAULT_SAMPLE = "word-count.json";

    private final Path directory;

    public SampleCatalog(Path directory) {
        this.directory = directory;
    }

    /** The catalog of {@code -Dcheckpointlab.samples=DIR}, or of {@code ./samples}. */
    public static SampleCatalog fromSystemProperties() {
        return new SampleCatalog(Path.of(System.getProperty(SAMPLES_PROPERTY, "samples")));
    }

    public Path directory() {
        return directory;
    }

    /** The sample files, sorted by name; empty when the folder does not exist. */
    public List<Path> samples() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the samples folder " + directory, e);
        }
    }

    /** {@value #DEFAULT_SAMPLE} in the samples folder, if it is there. */
    public Optional<Path> defaultSample() {
        Path file = directory.resolve(DEFAULT_SAMPLE);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The menu text for a sample file: its name without {@code .json}. */
    public static String displayName(Path sample) {
        String name = sample.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }
}
