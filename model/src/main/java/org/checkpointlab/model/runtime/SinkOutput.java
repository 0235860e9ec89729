package org.checkpointlab.model.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.checkpointlab.model.observe.SinkOutputSnapshot;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * What one sink made visible to the outside world: the committed records of a transactional sink, or everything a
 * collect sink received. It plays the external system (a Kafka topic, a file system), so it outlives task restarts.
 * Thread-safe.
 *
 * <p>The digest is order-independent: the sum of a 64-bit hash of each record's {@code key,value} text, so two
 * outputs with the same records in any order have the same digest, and a duplicate or a missing record changes it.
 */
public final class SinkOutput {
    /** Records beyond this many are counted and digested but not kept in memory. */
    public static final int RETAINED_RECORDS_LIMIT = 2_000_000;
    /** How many of the last committed records {@link #snapshot} can show. */
    public static final int RECENT_LIMIT = 100;

    private final String sinkId;
    private final Path directory;
    private final List<StreamRecord> records = new ArrayList<>();
    private final Set<String> committedTransactions = new HashSet<>();
    /** Pre-committed transactions by id: stored, not visible until committed (as in a transactional broker). */
    private final java.util.Map<String, List<StreamRecord>> prepared = new java.util.HashMap<>();
    private final java.util.Map<String, Long> preparedCheckpoint = new java.util.HashMap<>();
    /** The subtask that pre-committed each transaction, by id (for observation only). */
    private final java.util.Map<String, Integer> preparedSubtask = new java.util.HashMap<>();
    /** The last {@link #RECENT_LIMIT} committed records, kept even once {@link #truncated()}. */
    private final ArrayDeque<StreamRecord> recent = new ArrayDeque<>();
    private long count;
    private long digest;
    private boolean truncated;

    SinkOutput(String sinkId, Path directory) {
        this.sinkId = sinkId;
        this.directory = directory;
    }

    /** Appends records as they arrive (collect sink: no transactions). */
    public synchronized void append(StreamRecord record) {
        add(record);
    }

    /**
     * Pre-commits a transaction of checkpoint {@code checkpointId}: its records are stored but stay invisible until
     * {@link #commitPrepared}. Idempotent per id. {@code subtask} is the sink subtask that wrote it.
     */
    public synchronized void prepare(String transactionId, int subtask, long checkpointId,
                                     List<StreamRecord> transaction) {
        if (!committedTransactions.contains(transactionId)) {
            prepared.putIfAbsent(transactionId, List.copyOf(transaction));
            preparedCheckpoint.putIfAbsent(transactionId, checkpointId);
            preparedSubtask.putIfAbsent(transactionId, subtask);
        }
    }

    /** Commits a pre-committed transaction by id; a no-op if it was committed already or is unknown. */
    public synchronized boolean commitPrepared(String transactionId) {
        List<StreamRecord> records = prepared.remove(transactionId);
        preparedCheckpoint.remove(transactionId);
        preparedSubtask.remove(transactionId);
        return records != null && commit(transactionId, records);
    }

    /**
     * Commits every pre-committed transaction of a checkpoint up to {@code checkpointId}, as the job does for its
     * sinks once a stop-with-savepoint completed (Flink's committer commits what a completed checkpoint covers even
     * if the writer's task is gone). Idempotent.
     *
     * @return how many this call committed
     */
    public synchronized int commitPreparedUpTo(long checkpointId) {
        List<String> due = new ArrayList<>();
        preparedCheckpoint.forEach((txn, id) -> {
            if (id <= checkpointId) {
                due.add(txn);
            }
        });
        due.sort(java.util.Comparator.comparing(preparedCheckpoint::get));
        int committed = 0;
        for (String txn : due) {
            if (commitPrepared(txn)) {
                committed++;
            }
        }
        return committed;
    }

    /**
     * Aborts every pre-committed transaction of a checkpoint after {@code checkpointId} (those checkpoints never
     * completed, so their data must not become visible). Called on recovery before tasks are redeployed.
     *
     * @return how many were aborted
     */
    public synchronized int abortPreparedAfter(long checkpointId) {
        int aborted = 0;
        for (var it = preparedCheckpoint.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue() > checkpointId) {
                prepared.remove(e.getKey());
                preparedSubtask.remove(e.getKey());
                it.remove();
                aborted++;
            }
        }
        return aborted;
    }

    /** Number of transactions pre-committed and not yet committed or aborted. */
    public synchronized int preparedTransactions() {
        return prepared.size();
    }

    /**
     * Commits a transaction: its records become visible, once. Committing the same transaction id
     * again (after a restore) changes nothing. With a directory, the records become a part file, written to a
     * temporary name and renamed, so a part file is only ever visible complete.
     *
     * @return whether this call committed it (false if it was committed before)
     */
    public synchronized boolean commit(String transactionId, List<StreamRecord> transaction) {
        if (!committedTransactions.add(transactionId)) {
            return false;
        }
        if (directory != null && !transaction.isEmpty()) {
            writePartFile(transactionId, transaction);
        }
        for (StreamRecord r : transaction) {
            add(r);
        }
        return true;
    }

    private void writePartFile(String transactionId, List<StreamRecord> transaction) {
        StringBuilder text = new StringBuilder();
        for (StreamRecord r : transaction) {
            text.append(r.key()).append(',').append(r.value()).append('\n');
        }
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve("part-" + sinkId + "-" + transactionId + ".txt");
            Path temp = directory.resolve(".part-" + sinkId + "-" + transactionId + ".inprogress");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit transaction " + transactionId + " of sink '" + sinkId
                    + "' to " + directory, e);
        }
    }

    private void add(StreamRecord r) {
        count++;
        digest += recordHash(r);
        if (recent.size() == RECENT_LIMIT) {
            recent.removeFirst();
        }
        recent.addLast(r);
        if (records.size() < RETAINED_RECORDS_LIMIT) {
            records.add(r);
        } else {
            truncated = true;
        }
    }

    public synchronized long count() {
        return count;
    }

    /** Order-independent digest of the records, as 16 hex digits. */
    public synchronized String digest() {
        return String.format("%016x", digest);
    }

    /** The retained records in commit order (all of them unless {@link #truncated()}). */
    public synchronized List<StreamRecord> records() {
        return List.copyOf(records);
    }

    public synchronized boolean truncated() {
        return truncated;
    }

    /**
     * This output at this moment, for a front end: count, digest, the last {@code recentLimit} committed records
     * (at most {@link #RECENT_LIMIT}) and the open (pre-committed) transactions by subtask and checkpoint. Costs
     * {@code O(recentLimit + open transactions)}, not the size of the output.
     */
    public synchronized SinkOutputSnapshot snapshot(String kind, int recentLimit) {
        int n = Math.max(0, Math.min(recentLimit, recent.size()));
        List<SinkOutputSnapshot.CommittedRecord> last = new ArrayList<>(n);
        var it = recent.descendingIterator();
        for (int i = 0; i < n; i++) {
            StreamRecord r = it.next();
            last.add(new SinkOutputSnapshot.CommittedRecord(r.key() == null ? null : String.valueOf(r.key()),
                    String.valueOf(r.value())));
        }
        java.util.Collections.reverse(last);
        List<SinkOutputSnapshot.OpenTransaction> open = new ArrayList<>(prepared.size());
        prepared.forEach((txn, records) -> open.add(new SinkOutputSnapshot.OpenTransaction(
                preparedSubtask.getOrDefault(txn, -1), txn, preparedCheckpoint.get(txn), records.size())));
        open.sort(java.util.Comparator.comparingInt(SinkOutputSnapshot.OpenTransaction::subtask)
                .thenComparingLong(SinkOutputSnapshot.OpenTransaction::checkpointId));
        return new SinkOutputSnapshot(sinkId, kind, count, digest(), last, open);
    }

    /**
     * The outputs of one sink across several deployments of a job (a run stopped with a savepoint, then the runs
     * restored from it), as the external system sees them together: counts and digests add up, records follow one
     * another in deployment order. Not a live output: nothing commits into it.
     */
    public static SinkOutput concatenation(String sinkId, List<SinkOutput> parts) {
        SinkOutput all = new SinkOutput(sinkId, null);
        for (SinkOutput part : parts) {
            synchronized (part) {
                all.count += part.count;
                all.digest += part.digest;
                all.truncated |= part.truncated;
                for (StreamRecord r : part.records) {
                    if (all.records.size() < RETAINED_RECORDS_LIMIT) {
                        all.records.add(r);
                    } else {
                        all.truncated = true;
                    }
                }
                for (StreamRecord r : part.recent) {
                    if (all.recent.size() == RECENT_LIMIT) {
                        all.recent.removeFirst();
                    }
                    all.recent.addLast(r);
                }
            }
        }
        return all;
    }

    /** 64-bit FNV-1a of {@code key,value}, finished with a murmur3 mix so sums spread well. */
    static long recordHash(StreamRecord r) {
        String text = r.key() + "," + r.value();
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
