package org.checkpointlab.model.savepoint;

import java.util.List;

/**
 * The {@code _metadata.json} of a savepoint (or retained checkpoint) directory, format {@value #FORMAT}.
 *
 * <pre>
 * {
 *   "format": 1,
 *   "type": "savepoint" | "checkpoint",
 *   "checkpointId": 12, "timestamp": 1763750000000,
 *   "pipelineName": "Word count",
 *   "operators": [
 *     {"id": "count", "kind": "keyed-count", "parallelism": 2, "maxParallelism": 128,
 *      "subtasks": [{"index": 0, "keyGroupStart": 0, "keyGroupEnd": 63,
 *                    "keyedFile": "count-0.keyed", "keyedSize": 1234, "keyedCrc32": 99,
 *                    "operatorFile": "count-0.operator", "operatorSize": 12, "operatorCrc32": 7}]}
 *   ],
 *   "inFlight": [{"channel": "count#0#1", "side": "input", "file": "inflight-0.bin", "size": 10, "crc32": 1}]
 * }
 * </pre>
 * Keyed state files use the canonical key-group format of {@code KeyGroupStateFormat} (backend-independent: a
 * savepoint of the heap backend restores into RocksDB and back); operator state files the format of
 * {@code HeapOperatorStateBackend}; in-flight files a count followed by serialized records. Savepoints never carry
 * in-flight data (they are always aligned).
 */
public record SavepointMetadata(int format, String type, long checkpointId, long timestamp, String pipelineName,
                                List<OperatorEntry> operators, List<InFlightEntry> inFlight) {

    public static final int FORMAT = 1;
    public static final String FILE_NAME = "_metadata.json";

    /** One operator's state: its kind at the time, parallelism, max parallelism and per-subtask files. */
    public record OperatorEntry(String id, String kind, int parallelism, int maxParallelism,
                                List<SubtaskEntry> subtasks) {
    }

    /** One subtask's state files; {@code keyedFile} is null for operators without keyed state. */
    public record SubtaskEntry(int index, int keyGroupStart, int keyGroupEnd, String keyedFile, long keyedSize,
                               long keyedCrc32, String operatorFile, long operatorSize, long operatorCrc32) {
    }

    /** Persisted in-flight records of one channel (retained unaligned checkpoints only). */
    public record InFlightEntry(String channel, String side, String file, long size, long crc32) {
    }

    public long stateSize() {
        long size = 0;
        for (OperatorEntry o : operators) {
            for (SubtaskEntry s : o.subtasks()) {
                size += s.keyedSize() + s.operatorSize();
            }
        }
        for (InFlightEntry e : inFlight) {
            size += e.size();
        }
        return size;
    }
}
