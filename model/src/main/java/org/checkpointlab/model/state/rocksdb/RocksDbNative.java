package org.checkpointlab.model.state.rocksdb;

import org.rocksdb.RocksDB;

/** Loads RocksDB's native library once per JVM, the first time a RocksDB backend needs it. */
final class RocksDbNative {

    private RocksDbNative() {
    }

    /** Ensures the native library is loaded; cheap after the first call (class initialisation runs once). */
    static void ensureLoaded() {
        Holder.touch();
    }

    private static final class Holder {
        static {
            RocksDB.loadLibrary();
        }

        static void touch() {
            // the static initialiser did the work
        }
    }
}
