package org.checkpointlab.model.state.rocksdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.checkpointlab.model.util.Directories;

import org.rocksdb.CompressionType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteOptions;

/**
 * One embedded RocksDB database in its own working directory ({@code <dir>/db}), with the native option objects it
 * was opened with. Reference-counted: the backend holds one reference and every in-flight snapshot another, so
 * closing the backend while a snapshot is still written on the async thread never frees native memory under it; the
 * last {@link #release()} closes the database and deletes the working directory.
 *
 * <p>List state uses RocksDB's string-append merge operator with the delimiter {@value #LIST_DELIMITER}: an
 * {@code add} is a blind merge, and the elements, each self-delimiting in the
 * {@link org.checkpointlab.model.state.StateSerializer} encoding, are read back by skipping one delimiter between
 * them (as Flink's RocksDB list state does). The write-ahead log is off: a checkpoint flushes the memtables first,
 * and after a failure the state comes from the checkpoint, never from the local directory.
 */
final class RocksDbInstance {

    static final char LIST_DELIMITER = ',';

    /** Memtable size: small, because a job runs many subtasks, each with its own database, in one JVM. */
    private static final long WRITE_BUFFER_BYTES = 8L << 20;

    final Path workingDirectory;
    final Path dbDirectory;
    final RocksDB db;
    final Options options;
    final WriteOptions writeOptions;
    final ReadOptions readOptions;
    private final StringAppendOperator mergeOperator;
    private final AtomicInteger references = new AtomicInteger(1);

    private RocksDbInstance(Path workingDirectory, StringAppendOperator mergeOperator, Options options, RocksDB db) {
        this.workingDirectory = workingDirectory;
        this.dbDirectory = workingDirectory.resolve("db");
        this.mergeOperator = mergeOperator;
        this.options = options;
        this.db = db;
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        this.readOptions = new ReadOptions();
    }

    /**
     * Opens the database in {@code workingDirectory/db}: a new empty one, or the files already placed there (a
     * restore). On failure the directory is deleted.
     */
    static RocksDbInstance open(Path workingDirectory) throws IOException {
        RocksDbNative.ensureLoaded();
        StringAppendOperator merge = new StringAppendOperator(LIST_DELIMITER);
        Options options = newOptions(merge);
        try {
            Files.createDirectories(workingDirectory.resolve("db"));
            RocksDB db = RocksDB.open(options, workingDirectory.resolve("db").toString());
            return new RocksDbInstance(workingDirectory, merge, options, db);
        } catch (RocksDBException | IOException e) {
            options.close();
            merge.close();
            Directories.deleteQuietly(workingDirectory);
            throw new IOException("cannot open RocksDB in " + workingDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Options for this engine's databases; the caller closes them (and {@code merge}, which they reference). */
    static Options newOptions(StringAppendOperator merge) {
        return new Options()
                .setCreateIfMissing(true)
                .setMergeOperator(merge)
                .setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL)
                .setKeepLogFileNum(1)
                .setStatsDumpPeriodSec(0)
                .setAvoidFlushDuringShutdown(true);
    }

    /** Takes a reference for a snapshot; false when the database is already closed. */
    boolean acquire() {
        while (true) {
            int n = references.get();
            if (n <= 0) {
                return false;
            }
            if (references.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Drops a reference; the last one closes the database and deletes the working directory. */
    void release() {
        if (references.decrementAndGet() == 0) {
            readOptions.close();
            writeOptions.close();
            db.close();
            options.close();
            mergeOperator.close();
            Directories.deleteQuietly(workingDirectory);
        }
    }

    boolean isOpen() {
        return references.get() > 0;
    }

    long longProperty(String name) {
        try {
            return db.getLongProperty(name);
        } catch (RocksDBException e) {
            return 0; // display only
        }
    }
}
