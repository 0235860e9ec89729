package org.checkpointlab.model.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.checkpointlab.model.state.StateHandle;

/** Checkpoint storage in a directory: {@code DIR/chk-N/<name>}, each file written atomically. */
public final class DirectoryCheckpointStorage implements CheckpointStorage {
    private final Path directory;

    public DirectoryCheckpointStorage(Path directory) {
        this.directory = directory;
    }

    @Override
    public StateHandle store(long checkpointId, String name, byte[] data) throws IOException {
        Path dir = directory.resolve("chk-" + checkpointId);
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Path temp = dir.resolve("." + name + ".inprogress");
        Files.write(temp, data);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new FileStateHandle(file, data.length);
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    /** State bytes in a file of the checkpoint directory. */
    public record FileStateHandle(Path file, long size) implements StateHandle {
        @Override
        public byte[] read() throws IOException {
            return Files.readAllBytes(file);
        }

        @Override
        public void discard() {
            try {
                Files.deleteIfExists(file);
                Path dir = file.getParent();
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isEmpty()) {
                        Files.deleteIfExists(dir);
                    }
                }
            } catch (IOException e) {
                // best effort: a leftover file of a discarded checkpoint is harmless
            }
        }
    }
}
