package org.checkpointlab.model.state.rocksdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * The shared area of the checkpoint storage, where incremental RocksDB checkpoints put their SST files (Flink's
 * {@code shared/} directory). A file uploaded once is referenced by every later checkpoint that still contains it,
 * so a checkpoint uploads only the SST files that are new since the previous one. SST files are immutable, so an
 * upload under the same name always carries the same bytes.
 *
 * <p>A file is named by a location string: {@code file:<absolute path>} for files on disk, which any job can read,
 * or {@code memory:<name>} for files kept in the memory of the job that wrote them. Thread-safe.
 *
 * <p>A job's {@link SharedStateRegistry} wraps its store and deletes the files no retained or pending checkpoint
 * uses any more (Flink's {@code SharedStateRegistry}); a plain store never deletes on its own.
 */
public interface SharedFileStore {

    /** Location prefix of a file on disk. */
    String FILE_SCHEME = "file:";

    /** Location prefix of a file in a {@link MemorySharedFileStore}. */
    String MEMORY_SCHEME = "memory:";

    /**
     * Stores a copy of {@code file} under {@code name} (unique within the store) and returns its location.
     * Storing the same name again replaces the copy.
     */
    String upload(String name, Path file) throws IOException;

    /**
     * Uploads {@code file} for checkpoint {@code checkpointId}; a registry records that the checkpoint uses it.
     */
    default String upload(String name, Path file, long checkpointId) throws IOException {
        return upload(name, file);
    }

    /**
     * Checkpoint {@code checkpointId} wants to refer to {@code location} again instead of uploading the file anew.
     *
     * @return true if it may (the file is there and now counts as used by that checkpoint); false if it must
     *         upload the file again (a registry deleted it as unused)
     */
    default boolean reuse(String location, long checkpointId) {
        return exists(location);
    }

    /** Whether the file at {@code location} is in this store. */
    boolean exists(String location);

    /** Deletes the file at {@code location}, if it is there. */
    void delete(String location) throws IOException;

    /** The size in bytes of the file at {@code location}, or -1 when it is not there. */
    long size(String location);

    /**
     * Puts the file at {@code location} at {@code target} (which must not exist yet), by copying or hard-linking.
     *
     * @throws IOException when the location is unknown or unreadable; the message names it
     */
    void download(String location, Path target) throws IOException;

    /** Human-readable description, e.g. the directory. */
    String describe();

    /**
     * The shared store that goes with a checkpoint directory ({@code <dir>/shared}), or a memory store for the job
     * manager's checkpoint storage when {@code checkpointDirectory} is {@code null}.
     */
    static SharedFileStore forCheckpointDirectory(Path checkpointDirectory) {
        return checkpointDirectory == null ? new MemorySharedFileStore()
                : new DirectorySharedFileStore(checkpointDirectory.resolve("shared"));
    }

    /** Places the file a {@code file:} location names at {@code target}: a hard link when possible, else a copy. */
    static void downloadFromDisk(String location, Path target) throws IOException {
        Path source = Paths.get(location.substring(FILE_SCHEME.length()));
        if (!Files.isRegularFile(source)) {
            throw new IOException("shared state file " + source + " does not exist (was the checkpoint directory "
                    + "cleaned up?)");
        }
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException linkFailed) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
