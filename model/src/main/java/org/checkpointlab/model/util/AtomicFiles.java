package org.checkpointlab.model.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files that users keep so that a reader (or a crash) never sees half a file: the content goes to a
 * temporary file in the same directory, which then atomically replaces the target.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Atomically replaces (or creates) {@code file} with {@code text} in UTF-8. The directory must exist. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Atomically replaces (or creates) {@code file} with {@code bytes}. The directory must exist. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
