package org.checkpointlab.model.state.rocksdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference counting of a job's shared files, as Flink's {@code SharedStateRegistry}: every SST file this job
 * uploaded is registered with the id of the newest checkpoint that uses it (uploaded it, or referred to it again
 * instead of uploading). Once no retained or pending checkpoint has an id that low, nothing can need the file:
 * {@link #discardUnusedBefore} deletes it. So the shared directory tracks the live state, not the length of the run.
 *
 * <p>Files this job did not upload (those of a checkpoint of an earlier job it was restored from) are used but never
 * deleted: they belong to that checkpoint. A file deleted here is never handed out again: {@link #reuse} and the
 * deletion exclude each other, and a snapshot told that its file is gone uploads it again.
 *
 * <p>Thread-safe: async snapshot threads upload and reuse, the job's checkpoint-files thread discards.
 */
public final class SharedStateRegistry implements SharedFileStore {

    private final SharedFileStore store;
    /** Registered files by location: the newest checkpoint id using each, and its size. */
    private final Map<String, long[]> files = new HashMap<>();

    public SharedStateRegistry(SharedFileStore store) {
        this.store = store;
    }

    /** Uploads outside any checkpoint: registered as used by every checkpoint, so never deleted here. */
    @Override
    public String upload(String name, Path file) throws IOException {
        return upload(name, file, Long.MAX_VALUE);
    }

    @Override
    public String upload(String name, Path file, long checkpointId) throws IOException {
        String location = store.upload(name, file); // outside the lock: uploads of many subtasks run in parallel
        long size = store.size(location);
        synchronized (this) {
            long[] entry = files.computeIfAbsent(location, l -> new long[] {checkpointId, size});
            entry[0] = Math.max(entry[0], checkpointId);
        }
        return location;
    }

    @Override
    public synchronized boolean reuse(String location, long checkpointId) {
        long[] entry = files.get(location);
        if (entry != null) {
            entry[0] = Math.max(entry[0], checkpointId);
            return true;
        }
        return store.exists(location); // not this job's file: use it, never delete it
    }

    /**
     * Deletes every registered file last used by a checkpoint below {@code lowestCheckpointId} (the lowest id of any
     * retained or pending checkpoint).
     *
     * @return the locations deleted
     */
    public synchronized List<String> discardUnusedBefore(long lowestCheckpointId) {
        List<String> deleted = new ArrayList<>();
        for (var it = files.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue()[0] < lowestCheckpointId) {
                try {
                    store.delete(e.getKey());
                    it.remove();
                    deleted.add(e.getKey());
                } catch (IOException ignored) {
                    // still registered: tried again at the next discard
                }
            }
        }
        return deleted;
    }

    /** Number of registered (this job's, not yet deleted) files. */
    public synchronized int fileCount() {
        return files.size();
    }

    /** Bytes of the registered files. */
    public synchronized long totalBytes() {
        return files.values().stream().mapToLong(e -> Math.max(0, e[1])).sum();
    }

    @Override
    public void download(String location, Path target) throws IOException {
        store.download(location, target);
    }

    @Override
    public boolean exists(String location) {
        return store.exists(location);
    }

    @Override
    public void delete(String location) throws IOException {
        store.delete(location);
    }

    @Override
    public long size(String location) {
        return store.size(location);
    }

    @Override
    public String describe() {
        return store.describe();
    }
}
