package org.checkpointlab.model.state.rocksdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Shared SST files in a directory next to the checkpoints ({@code <checkpoint dir>/shared/<name>}). */
public final class DirectorySharedFileStore implements SharedFileStore {

    private final Path directory;

    public DirectorySharedFileStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** Copies {@code file} to a temporary name in the directory, then moves it into place atomically. */
    @Override
    public String upload(String name, Path file) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(name);
        if (!target.getParent().equals(directory)) {
            throw new IllegalArgumentException("shared file name '" + name + "' is not a plain file name");
        }
        Path temp = directory.resolve("." + name + ".inprogress");
        Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return FILE_SCHEME + target;
    }

    @Override
    public void download(String location, Path target) throws IOException {
        if (!location.startsWith(FILE_SCHEME)) {
            throw new IOException("shared state file " + location + " is not on disk; it was kept in the memory "
                    + "of another job (use a checkpoint directory to restore it elsewhere)");
        }
        SharedFileStore.downloadFromDisk(location, target);
    }

    @Override
    public boolean exists(String location) {
        return location.startsWith(FILE_SCHEME) && Files.isRegularFile(Path.of(location.substring(FILE_SCHEME.length())));
    }

    @Override
    public void delete(String location) throws IOException {
        if (location.startsWith(FILE_SCHEME)) {
            Files.deleteIfExists(Path.of(location.substring(FILE_SCHEME.length())));
        }
    }

    @Override
    public long size(String location) {
        try {
            return exists(location) ? Files.size(Path.of(location.substring(FILE_SCHEME.length()))) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public String describe() {
        return directory.toString();
    }
}
