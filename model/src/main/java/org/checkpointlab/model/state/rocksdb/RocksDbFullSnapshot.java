package org.checkpointlab.model.state.rocksdb;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.checkpointlab.model.state.CanonicalKeyedSnapshot;
import org.checkpointlab.model.state.KeyGroupStateFormat;
import org.checkpointlab.model.state.StateKind;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * A full snapshot of a RocksDB backend in the canonical {@link KeyGroupStateFormat}. Sync phase: a RocksDB snapshot
 * (it pins a sequence number; nothing is copied). Async phase: per key group of the range, one ordered scan from the
 * group's first key, which yields its entries state by state, exactly the order the format wants; the user keys of
 * a map arrive together and become one map entry.
 */
final class RocksDbFullSnapshot extends CanonicalKeyedSnapshot {

    private final RocksDbInstance instance;
    private final Snapshot snapshot;
    private final StateEntry[] statesById;
    private final ReusableInput in = new ReusableInput();
    /** Opened by the first key group written, closed by {@link #dispose()} (async thread). */
    private ReadOptions read;
    private RocksIterator it;

    private RocksDbFullSnapshot(long checkpointId, RocksDbKeyedStateBackend backend) {
        super(checkpointId, backend.keyGroupRange(), backend.maxParallelism());
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
    protected void dispose() {
        if (it != null) {
            it.close();
            read.close();
        }
        instance.db.releaseSnapshot(snapshot);
        snapshot.close();
        instance.release();
    }

    @Override
    protected void writeKeyGroup(int group, KeyGroupStateFormat.Writer writer) throws IOException {
        if (it == null) {
            read = new ReadOptions().setSnapshot(snapshot).setFillCache(false);
            it = instance.db.newIterator(read);
        }
        int currentState = -1;
        // a map being collected: its key bytes [4, mapKeyEnd) of mapKeyBytes
        byte[] mapKeyBytes = null;
        int mapKeyEnd = 0;
        Object mapKey = null;
        Map<Object, Object> map = null;
        for (it.seek(RocksDbKeys.keyGroupStart(group)); it.isValid(); it.next()) {
            byte[] key = it.key();
            if (RocksDbKeys.keyGroup(key) != group) {
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
            boolean sameMap = map != null && id == currentState
                    && Arrays.equals(key, RocksDbKeys.PREFIX_BYTES, keyEnd, mapKeyBytes, RocksDbKeys.PREFIX_BYTES,
                    mapKeyEnd);
            if (map != null && !sameMap) {
                writer.writeEntry(mapKey, map);
                map = null;
            }
            if (id != currentState) {
                writer.startState(state.name, state.kind);
                currentState = id;
            }
            byte[] value = it.value();
            if (state.kind == StateKind.VALUE) {
                writer.writeEntry(k, in.reset(value, 0, value.length).readValue(what));
            } else if (state.kind == StateKind.LIST) {
                writer.writeEntry(k, RocksDbStateAccess.readList(in.reset(value, 0, value.length), what));
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
