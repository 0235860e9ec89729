package org.checkpointlab.model.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory trees the engine writes and later discards: checkpoints, savepoints being written, RocksDB working files. */
public final class Directories {
    private Directories() {
    }

    /**
     * Deletes {@code dir} and everything below it, as far as it can: a file that cannot be deleted is left and the
     * rest still goes (a leftover of discarded state is harmless). Nothing happens when {@code dir} does not exist.
     */
    public static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
