package org.checkpointlab.model.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.checkpointlab.model.state.rocksdb.RocksDbKeyedStateBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytes of a savepoint's keyed state stay what they were: the same state, written by each backend, has the
 * SHA-256 recorded when the backends got their common base class (checked then against the code before it). A
 * change here means savepoints on users' disks may no longer read the same: bump {@link KeyGroupStateFormat#VERSION}
 * and keep a reader for the old one instead.
 */
class CanonicalSnapshotBytesTest {
    private static final int MAX_P = 128;
    private static final KeyGroupRange RANGE = KeyGroups.rangeForOperatorIndex(MAX_P, 3, 1);

    @TempDir
    Path rocksDir;

    @Test
    void heapSavepointBytes_areUnchanged() throws Exception {
        assertThat(digestOfSavepoint(new HeapKeyedStateBackend(RANGE, MAX_P)))
                .isEqualTo("35630 9a06876506042f310ef159d5ffdb8848522cf863da03a7d5f7061abdc9a720a3");
    }

    @Test
    void rocksDbSavepointBytes_areUnchanged() throws Exception {
        assertThat(digestOfSavepoint(new RocksDbKeyedStateBackend(RANGE, MAX_P, rocksDir, "bytes", null, false)))
                .isEqualTo("35630 bd70ab109526578510ced95c33aac026ea4095b78273850c0dd950b20cd4c7f1");
    }

    /** 400 keys of the range with value, list and map state; the savepoint's length and SHA-256. */
    private static String digestOfSavepoint(KeyedStateBackend backend) throws Exception {
        try (backend) {
            int n = 0;
            for (int k = 0; n < 400; k++) {
                if (!RANGE.contains(KeyGroups.assignToKeyGroup("k" + k, MAX_P))) {
                    continue;
                }
                n++;
                backend.setCurrentKey("k" + k);
                backend.valueState("v").update((long) k);
                backend.listState("l").add("x" + k);
                backend.listState("l").add(k);
                MapState<Object, Object> m = backend.mapState("m");
                m.put("a", k);
                m.put("b" + (k % 3), "z");
            }
            byte[] bytes = backend.snapshot(7, true).write();
            HeapKeyedStateBackend check = new HeapKeyedStateBackend(RANGE, MAX_P);
            check.restore(List.of(bytes));
            assertThat(check.numberOfEntries()).isEqualTo(1200);
            return bytes.length + " " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
    }
}
