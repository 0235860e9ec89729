package org.checkpointlab.model.state.rocksdb;

/**
 * The layout of RocksDB keys: {@code [key group: 2 bytes][state id: 2 bytes][serialized key]} and, for map state,
 * {@code [serialized user key]} after that; all big-endian. With the key group first, the entries of a key-group
 * range form one contiguous range of RocksDB keys, so a restore can cut a range out with {@code deleteRange} and a
 * snapshot can walk key group after key group. Serialized keys ({@link org.checkpointlab.model.state.StateSerializer})
 * are self-delimiting, so no key's bytes are a prefix of another's and a map's entries are exactly the keys that start
 * with {@code [group][id][key]}.
 */
final class RocksDbKeys {

    /** Bytes before the serialized key: key group and state id. */
    static final int PREFIX_BYTES = 4;

    /** A key above every key-group prefix (key groups are below 2^15). */
    static final byte[] END_OF_ALL_GROUPS = {(byte) 0xFF, (byte) 0xFF};

    private RocksDbKeys() {
    }

    static void writeKeyGroup(byte[] key, int keyGroup) {
        key[0] = (byte) (keyGroup >>> 8);
        key[1] = (byte) keyGroup;
    }

    static void writeStateId(byte[] key, int stateId) {
        key[2] = (byte) (stateId >>> 8);
        key[3] = (byte) stateId;
    }

    static int keyGroup(byte[] key) {
        return ((key[0] & 0xFF) << 8) | (key[1] & 0xFF);
    }

    static int stateId(byte[] key) {
        return ((key[2] & 0xFF) << 8) | (key[3] & 0xFF);
    }

    /** The first RocksDB key of {@code keyGroup} (inclusive bound). */
    static byte[] keyGroupStart(int keyGroup) {
        byte[] key = new byte[2];
        writeKeyGroup(key, keyGroup);
        return key;
    }

    /** Whether {@code key} starts with {@code prefix[0, prefixLength)}. */
    static boolean startsWith(byte[] key, byte[] prefix, int prefixLength) {
        if (key.length < prefixLength) {
            return false;
        }
        for (int i = prefixLength - 1; i >= 0; i--) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
