package org.checkpointlab.model.state.rocksdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared SST files kept in memory, for the job manager's checkpoint storage: they live as long as the job (its
 * restarts included) and are gone with it. Thread-safe.
 */
public final class MemorySharedFileStore implements SharedFileStore {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public String upload(String name, Path file) throws IOException {
        files.put(name, Files.readAllBytes(file));
        return MEMORY_SCHEME + name;
    }

    @Override
    public void download(String location, Path target) throws IOException {
        if (location.startsWith(FILE_SCHEME)) {
            SharedFileStore.downloadFromDisk(location, target);
            return;
        }
        byte[] bytes = location.startsWith(MEMORY_SCHEME) ? files.get(location.substring(MEMORY_SCHEME.length()))
                : null;
        if (bytes == null) {
            throw new IOException("shared state file " + location + " is not in this job's memory (it belongs to "
                    + "another job, or the location is corrupt)");
        }
        Files.write(target, bytes);
    }

    @Override
    public boolean exists(String location) {
        return location.startsWith(MEMORY_SCHEME) ? files.containsKey(location.substring(MEMORY_SCHEME.length()))
                : location.startsWith(FILE_SCHEME)
                && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(location.substring(FILE_SCHEME.length())));
    }

    @Override
    public void delete(String location) {
        if (location.startsWith(MEMORY_SCHEME)) {
            files.remove(location.substring(MEMORY_SCHEME.length()));
        }
    }

    @Override
    public long size(String location) {
        byte[] bytes = location.startsWith(MEMORY_SCHEME) ? files.get(location.substring(MEMORY_SCHEME.length()))
                : null;
        return bytes == null ? -1 : bytes.length;
    }

    /** Number of files held, for tests and display. */
    public int fileCount() {
        return files.size();
    }

    /** Bytes held. */
    public long totalBytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    @Override
    public String describe() {
        return "jobmanager (memory)";
    }
}
