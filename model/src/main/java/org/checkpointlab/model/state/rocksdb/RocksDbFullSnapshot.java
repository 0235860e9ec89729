package org.checkpointlab.model.state.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyGroupStateFormat;
import org.checkpointlab.model.state.KeyedStateBackend.KeyedSnapshot;
import org.checkpointlab.model.state.StateKind;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * A full snapshot of a RocksDB backend in the canonical {@link KeyGroupStateFormat}. Sync phase: a RocksDB snapshot
 * (it pins a sequence number; nothing is copied). Async phase: one ordered scan of the key-group range, which yields
 * entries key group by key group and, within a key group, state by state, exactly the order the format wants; the
 * user keys of a map arrive together and become one map entry.
 */
final class RocksDbFullSnapshot implements KeyedSnapshot {

    private static final int PENDING = 0;
    private static final int WRITTEN = 1;
    private static final int RELEASED = 2;

    private final long checkpointId;
    private final KeyGroupRange range;
    private final int maxParallelism;
    private final RocksDbInstance instance;
    private final Snapshot snapshot;
    private final StateEntry[] statesById;
    private final AtomicInteger phase = new AtomicInteger(PENDING);

    private RocksDbFullSnapshot(long checkpointId, RocksDbKeyedStateBackend backend) {
        this.checkpointId = checkpointId;
        this.range = backend.keyGroupRange();
        this.maxParallelism = backend.maxParallelism();
        this.instance = backend.instance;
        this.statesById = copyOf(backend.statesById());
        this.snapshot = instance.db.getSnapshot();
    }

    /** The sync phase: pins the database's current state. */
    static RocksDbFullSnapshot take(RocksDbKeyedStateBackend backend, long checkpointId) {
        if (!backend.instance.acquire()) {
            throw new IllegalStateException("the RocksDB database of " + backend.keyGroupRange() + " is closed");
        }
        return new RocksDbFullSnapshot(checkpointId, backend);
    }

    @Override
    public byte[] write() throws IOException {
        if (!phase.compareAndSet(PENDING, WRITTEN)) {
            if (phase.get() == RELEASED) {
                throw new IOException("the keyed snapshot of checkpoint " + checkpointId
                        + " was released (checkpoint aborted)");
            }
            throw new IllegalStateException("the keyed snapshot of checkpoint " + checkpointId
                    + " was already written");
        }
        try (ReadOptions read = new ReadOptions().setSnapshot(snapshot).setFillCache(false);
             RocksIterator it = instance.db.newIterator(read)) {
            return writeCanonical(it);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            dispose();
        }
    }

    @Override
    public void release() {
        if (phase.compareAndSet(PENDING, RELEASED)) {
            dispose();
        }
    }

    private void dispose() {
        instance.db.releaseSnapshot(snapshot);
        snapshot.close();
        instance.release();
    }

    private byte[] writeCanonical(RocksIterator it) throws IOException {
        KeyGroupStateFormat.Writer writer = KeyGroupStateFormat.writer(range, maxParallelism);
        ReusableInput in = new ReusableInput();
        int currentGroup = -1;
        int currentState = -1;
        // a map being collected: its key bytes [4, mapKeyEnd) of mapKeyBytes
        byte[] mapKeyBytes = null;
        int mapKeyEnd = 0;
        Object mapKey = null;
        Map<Object, Object> map = null;
        for (it.seek(RocksDbKeys.keyGroupStart(range.start())); it.isValid(); it.next()) {
            byte[] key = it.key();
            int group = RocksDbKeys.keyGroup(key);
            if (group > range.end()) {
                break;
            }
            int id = RocksDbKeys.stateId(key);
            StateEntry state = id < statesById.length ? statesById[id] : null;
            if (state == null) {
                throw new IOException("corrupt RocksDB state in key group " + group + ": an entry of unknown state id "
                        + id);
            }
            String what = state.kind.name().toLowerCase(java.util.Locale.ROOT) + " state '" + state.name
                    + "' in key group " + group;
            in.reset(key, RocksDbKeys.PREFIX_BYTES, key.length);
            Object k = in.readValue(what);
            int keyEnd = in.position();
            boolean sameMap = map != null && group == currentGroup && id == currentState
                    && Arrays.equals(key, RocksDbKeys.PREFIX_BYTES, keyEnd, mapKeyBytes, RocksDbKeys.PREFIX_BYTES,
                    mapKeyEnd);
            if (map != null && !sameMap) {
                writer.writeEntry(mapKey, map);
                map = null;
            }
            if (group != currentGroup) {
                writer.startKeyGroup(group);
                currentGroup = group;
                currentState = -1;
            }
            if (id != currentState) {
                writer.startState(state.name, state.kind);
                currentState = id;
            }
            byte[] value = it.value();
            if (state.kind == StateKind.VALUE) {
                writer.writeEntry(k, in.reset(value, 0, value.length).readValue(what));
            } else if (state.kind == StateKind.LIST) {
                writer.writeEntry(k, RocksDbKeyedStateBackend.readList(in.reset(value, 0, value.length), what));
            } else {
                Object userKey = in.readValue(what);
                if (map == null) {
                    map = new LinkedHashMap<>();
                    mapKey = k;
                    mapKeyBytes = key;
                    mapKeyEnd = keyEnd;
                }
                map.put(userKey, in.reset(value, 0, value.length).readValue(what));
            }
        }
        if (map != null) {
            writer.writeEntry(mapKey, map);
        }
        return writer.finish();
    }

    private static StateEntry[] copyOf(StateEntry[] live) {
        StateEntry[] copy = new StateEntry[live.length];
        for (int i = 0; i < live.length; i++) {
            if (live[i] != null) {
                copy[i] = new StateEntry(live[i].name, live[i].kind, live[i].id);
            }
        }
        return copy;
    }

    @Override
    public String toString() {
        return "full RocksDB snapshot of checkpoint " + checkpointId + " for key groups " + range;
    }
}
