package org.checkpointlab.model.state;

import java.io.IOException;
import java.util.List;

/**
 * Keyed state of one subtask of one operator, organised in key groups. Every method is called from the subtask's
 * task thread only, except {@link KeyedSnapshot#write()}, which runs on the async snapshot thread.
 *
 * <p>Life cycle: create for a key-group range, optionally {@link #restore} once before the first record, then
 * {@link #setCurrentKey} before every state access of a record, {@link #snapshot} in the sync phase of each
 * checkpoint, {@link #close} when the subtask ends.
 */
public interface KeyedStateBackend extends AutoCloseable {

    KeyGroupRange keyGroupRange();

    int maxParallelism();

    /** Scopes every keyed state to {@code key} (and its key group) until the next call. */
    void setCurrentKey(Object key);

    Object currentKey();

    /** The key group of the current key. */
    int currentKeyGroup();

    <T> ValueState<T> valueState(String name);

    <T> ListState<T> listState(String name);

    <K, V> MapState<K, V> mapState(String name);

    /**
     * Sync phase: takes a consistent, copy-on-write view of all state and returns at once. Processing may go on
     * and change state while the returned snapshot is written on another thread.
     */
    KeyedSnapshot snapshot(long checkpointId);

    /**
     * Sync phase of a checkpoint or a savepoint. A savepoint is always written in the canonical
     * {@link KeyGroupStateFormat}, whatever format the backend uses for its checkpoints (e.g. RocksDB's incremental
     * snapshots). The default suits backends that always write the canonical format.
     */
    default KeyedSnapshot snapshot(long checkpointId, boolean savepoint) {
        return snapshot(checkpointId);
    }

    /**
     * Loads the key groups of this backend's range from key-group state written by {@link KeyedSnapshot#write()},
     * possibly by several old subtasks with other ranges (rescaling). Groups outside the range are skipped.
     */
    void restore(List<byte[]> keyGroupStates) throws IOException;

    /** Number of (state, key) entries, for display. */
    long numberOfEntries();

    /** Approximate size of the state in bytes, for display; cheap to call. */
    long approximateSizeBytes();

    @Override
    void close();

    /** The async part of a keyed-state snapshot. */
    interface KeyedSnapshot {
        /**
         * Serializes the snapshot in the key-group format: runs on the async snapshot thread, never touches state
         * that processing changes afterwards. May be called once.
         */
        byte[] write() throws IOException;

        /**
         * Bytes this snapshot persisted, valid after {@link #write()}: for an incremental snapshot only what no
         * earlier checkpoint had uploaded (Flink's "checkpointed data size"). {@value #SIZE_OF_BLOB} (the default)
         * means the blob {@link #write()} returned is all there is, so its length counts.
         */
        default long checkpointedSize() {
            return SIZE_OF_BLOB;
        }

        /**
         * Bytes of the whole state this snapshot stands for, valid after {@link #write()}: for an incremental
         * snapshot every file it references, new or reused (Flink's "full data size"). {@value #SIZE_OF_BLOB}
         * (the default) means the length of the blob {@link #write()} returned.
         */
        default long fullSize() {
            return SIZE_OF_BLOB;
        }

        /** Returned by the size methods when the written blob's length is the size. */
        long SIZE_OF_BLOB = -1;

        /** Releases the copy-on-write view without writing (the checkpoint was aborted). */
        void release();
    }
}
