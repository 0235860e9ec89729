package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCatalogTest {
    @TempDir
    Path dir;

    @Test
    void samples_areTheJsonFilesOfTheFolderSortedByName() throws IOException {
        Files.writeString(dir.resolve("word-count.json"), "{}");
        Files.writeString(dir.resolve("backpressure.json"), "{}");
        Files.writeString(dir.resolve("README.md"), "notes");
        Files.createDirectory(dir.resolve("nested.json"));

        SampleCatalog catalog = new SampleCatalog(dir);

        assertThat(catalog.samples()).extracting(p -> p.getFileName().toString())
                .containsExactly("backpressure.json", "word-count.json");
        assertThat(catalog.samples()).extracting(SampleCatalog::displayName)
                .containsExactly("backpressure", "word-count");
    }

    @Test
    void missingFolder_hasNoSamplesAndNoDefault() {
        SampleCatalog catalog = new SampleCatalog(dir.resolve("absent"));

        assertThat(catalog.samples()).isEmpty();
        assertThat(catalog.defaultSample()).isEmpty();
    }

    @Test
    void defaultSample_isWordCountWhenPresent() throws IOException {
        Path wordCount = Files.writeString(dir.resolve("word-count.json"), "{}");

        assertThat(new SampleCatalog(dir).defaultSample()).contains(wordCount);
    }

    @Test
    void systemProperty_choosesTheSamplesFolder() {
        String previous = System.getProperty(SampleCatalog.SAMPLES_PROPERTY);
        try {
            System.setProperty(SampleCatalog.SAMPLES_PROPERTY, dir.toString());
            assertThat(SampleCatalog.fromSystemProperties().directory()).isEqualTo(dir);
            System.clearProperty(SampleCatalog.SAMPLES_PROPERTY);
            assertThat(SampleCatalog.fromSystemProperties().directory()).isEqualTo(Path.of("samples"));
        } finally {
            if (previous != null) {
                System.setProperty(SampleCatalog.SAMPLES_PROPERTY, previous);
            }
        }
    }
}
