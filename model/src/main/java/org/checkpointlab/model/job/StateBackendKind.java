package org.checkpointlab.model.job;

import java.util.Locale;

/** Where keyed state lives while the job runs. */
public enum StateBackendKind {
    /** Flink's HashMapStateBackend: objects on the heap, copy-on-write snapshots. The default. */
    HASHMAP,
    /** Flink's EmbeddedRocksDBStateBackend: serialized in an embedded RocksDB instance. */
    ROCKSDB;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StateBackendKind fromCliName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "hashmap", "heap" -> HASHMAP;
            case "rocksdb" -> ROCKSDB;
            default -> throw new IllegalArgumentException(
                    "unknown state backend '" + name + "' (expected hashmap or rocksdb)");
        };
    }
}
