package org.checkpointlab.model.state.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * The hot path of a {@link RocksDbKeyedStateBackend}: the current key, serialized once per key change behind a
 * 4-byte prefix into a reused buffer, and every read and write of the state views. Each access patches its state id
 * into the prefix and hands RocksDB that array range; values are serialized into a second reused buffer and read
 * into a third, so an access allocates only the value objects it returns. Task thread only.
 */
final class RocksDbStateAccess {
    private final RocksDbKeyedStateBackend backend;
    private final ReusableOutput keyOut = new ReusableOutput(64);
    private final ReusableOutput valueOut = new ReusableOutput(64);
    private final ReusableInput in = new ReusableInput();
    private byte[] valueBuffer = new byte[256];
    /** Bytes of {@code [group][state id][key]} in {@link #keyOut}; 0 while no key is set. */
    private int keyLength;

    RocksDbStateAccess(RocksDbKeyedStateBackend backend) {
        this.backend = backend;
    }

    /**
     * Serializes {@code key} of {@code keyGroup} behind its prefix, unless it is the current key already.
     *
     * @throws IllegalArgumentException when the key has a type state cannot hold
     */
    void selectKey(Object key, int keyGroup) {
        if (key == backend.currentKey() && keyLength > 0) {
            return; // the serialized key is still in place
        }
        keyOut.truncate(RocksDbKeys.PREFIX_BYTES);
        try {
            keyOut.writeValue(key);
        } catch (IllegalArgumentException e) {
            keyLength = 0;
            throw new IllegalArgumentException("cannot use " + key + " as a key: " + e.getMessage(), e);
        }
        RocksDbKeys.writeKeyGroup(keyOut.array(), keyGroup);
        keyLength = keyOut.size();
    }

    /** No key is current any more (the backend closed). */
    void clearKey() {
        keyLength = 0;
    }

    Object currentKey() {
        return backend.currentKey();
    }

    /** Puts the state's id into the current key's prefix; returns the key length. */
    int keyFor(StateEntry state) {
        if (keyLength == 0) {
            throw backend.noCurrentKey(state);
        }
        RocksDbKeys.writeStateId(keyOut.array(), state.id);
        keyOut.truncate(keyLength);
        return keyLength;
    }

    /** The current key of {@code state} followed by {@code userKey}; returns the key length. */
    int userKeyFor(StateEntry state, Object userKey) {
        keyFor(state);
        try {
            keyOut.writeValue(userKey);
        } catch (IllegalArgumentException e) {
            keyOut.truncate(keyLength);
            throw new IllegalArgumentException("map state '" + state.name + "' cannot use " + userKey
                    + " as a user key: " + e.getMessage(), e);
        }
        return keyOut.size();
    }

    /** Reads the value of the key in the key buffer into {@link #valueBuffer}; its length, or -1 when absent. */
    int get(StateEntry state, int length) {
        try {
            int n = backend.db().get(backend.instance.readOptions, keyOut.array(), 0, length, valueBuffer, 0, valueBuffer.length);
            if (n > valueBuffer.length) {
                valueBuffer = new byte[Math.max(n, valueBuffer.length * 2)];
                n = backend.db().get(backend.instance.readOptions, keyOut.array(), 0, length, valueBuffer, 0, valueBuffer.length);
            }
            return n == RocksDB.NOT_FOUND ? -1 : n;
        } catch (RocksDBException e) {
            throw failure(state, "read", e);
        }
    }

    Object readValue(StateEntry state, int valueLength) {
        return in.reset(valueBuffer, 0, valueLength).readValue(describe(state));
    }

    List<Object> readList(StateEntry state, int valueLength) {
        return readList(in.reset(valueBuffer, 0, valueLength), describe(state));
    }

    /** Parses list elements separated by the merge delimiter. */
    static List<Object> readList(ReusableInput input, String what) {
        List<Object> list = new ArrayList<>();
        list.add(input.readValue(what));
        while (input.hasMore()) {
            input.expect((byte) RocksDbInstance.LIST_DELIMITER, what);
            list.add(input.readValue(what));
        }
        return list;
    }

    /** Serializes a value into the value buffer; returns its length. */
    int serialize(StateEntry state, Object value) {
        valueOut.truncate(0);
        try {
            valueOut.writeValue(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state '" + state.name + "' cannot hold this value for key "
                    + backend.currentKey() + ": " + e.getMessage(), e);
        }
        return valueOut.size();
    }

    int serializeList(StateEntry state, List<?> values) {
        valueOut.truncate(0);
        try {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    valueOut.write(RocksDbInstance.LIST_DELIMITER);
                }
                valueOut.writeValue(values.get(i));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("list state '" + state.name + "' cannot hold this value for key "
                    + backend.currentKey() + ": " + e.getMessage(), e);
        }
        return valueOut.size();
    }

    void put(StateEntry state, int keyLen, int valueLen) {
        try {
            backend.db().put(backend.instance.writeOptions, keyOut.array(), 0, keyLen, valueOut.array(), 0, valueLen);
        } catch (RocksDBException e) {
            throw failure(state, "write", e);
        }
    }

    void merge(StateEntry state, int keyLen, int valueLen) {
        try {
            backend.db().merge(backend.instance.writeOptions, keyOut.array(), 0, keyLen, valueOut.array(), 0, valueLen);
        } catch (RocksDBException e) {
            throw failure(state, "append to", e);
        }
    }

    void delete(StateEntry state, int keyLen) {
        try {
            backend.db().delete(backend.instance.writeOptions, keyOut.array(), 0, keyLen);
        } catch (RocksDBException e) {
            throw failure(state, "delete from", e);
        }
    }

    /** Every user key and value of the current key's map, by a prefix scan. */
    Map<Object, Object> mapEntries(StateEntry state) {
        int prefixLength = keyFor(state);
        byte[] prefix = Arrays.copyOf(keyOut.array(), prefixLength);
        Map<Object, Object> entries = new LinkedHashMap<>();
        try (RocksIterator it = backend.db().newIterator(backend.instance.readOptions)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (!RocksDbKeys.startsWith(key, prefix, prefixLength)) {
                    break;
                }
                Object userKey = in.reset(key, prefixLength, key.length).readValue(describe(state));
                byte[] value = it.value();
                entries.put(userKey, in.reset(value, 0, value.length).readValue(describe(state)));
            }
        }
        return entries;
    }

    void clearMap(StateEntry state) {
        int prefixLength = keyFor(state);
        byte[] prefix = Arrays.copyOf(keyOut.array(), prefixLength);
        try (RocksIterator it = backend.db().newIterator(backend.instance.readOptions); WriteBatch batch = new WriteBatch()) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (!RocksDbKeys.startsWith(key, prefix, prefixLength)) {
                    break;
                }
                batch.delete(key);
            }
            backend.db().write(backend.instance.writeOptions, batch);
        } catch (RocksDBException e) {
            throw failure(state, "clear", e);
        }
    }

    private String describe(StateEntry state) {
        return state.kind.name().toLowerCase(java.util.Locale.ROOT) + " state '" + state.name + "' of key "
                + backend.currentKey();
    }

    private RuntimeException failure(StateEntry state, String action, RocksDBException e) {
        return new UncheckedIOException(new IOException("RocksDB could not " + action + " state '" + state.name
                + "' for key " + backend.currentKey() + " in " + backend.instance.dbDirectory + ": " + e.getMessage(), e));
    }
}
