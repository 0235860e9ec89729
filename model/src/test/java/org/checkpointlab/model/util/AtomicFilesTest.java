package org.checkpointlab.model.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writeString_createsTheFileWithTheText() throws IOException {
        Path file = dir.resolve("a.json");

        AtomicFiles.writeString(file, "héllo");

        assertThat(Files.readString(file)).isEqualTo("héllo");
    }

    @Test
    void writeString_replacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("a.json");
        Files.writeString(file, "old content that is longer");

        AtomicFiles.writeString(file, "new");

        assertThat(Files.readString(file)).isEqualTo("new");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writeString_acceptsARelativePathWithoutDirectory() throws IOException {
        Path relative = Path.of("target", "atomic-files-test-" + System.nanoTime() + ".txt");
        try {
            AtomicFiles.writeString(relative, "x");
            assertThat(Files.readString(relative)).isEqualTo("x");
        } finally {
            Files.deleteIfExists(relative);
        }
    }
}
