package org.checkpointlab.model.operators;

/**
 * The records of the replayable sources, as pure functions of the sequence number, and how they are dealt to
 * subtasks. One place for these facts, so that another engine running the same pipeline (the Flink translation)
 * produces exactly the same records in the same order per subtask.
 *
 * <p>Record {@code i} belongs to split {@code i % splits} (as many splits as the source's max parallelism); subtask
 * {@code s} of {@code p} reads splits {@code s, s + p, s + 2p, ...}, round robin, {@link #RUN_PER_SPLIT} records of
 * one split at a time; a run also ends with the split and at the end of a batch of
 * {@link org.checkpointlab.model.runtime.SourceOperator#BATCH} records (fewer with a rate limit, when fewer are
 * due: then the interleaving depends on timing, never the records). After a restore a subtask starts with its first
 * split. Split {@code k}'s local offset {@code o} is record {@code k + o * splits}.
 */
public final class SourceRecords {
    /** Records a source reads from one split before it moves to the next. */
    public static final int RUN_PER_SPLIT = 64;

    private static final String[] WORDS = {
        "the", "checkpoint", "barrier", "stream", "state", "flows", "through", "every", "channel", "and",
        "a", "subtask", "aligns", "snapshot", "of", "records", "in", "flight", "to", "sink",
        "commits", "after", "completion", "keyed", "group", "operator", "restores", "from", "savepoint", "window",
        "counts", "words", "buffer", "credit", "backpressure", "slow", "fast", "source", "replays", "offset",
    };

    private SourceRecords() {
    }

    /** The key of {@code sequence-source} record {@code i}: {@code i % keys} (its value is {@code i}). */
    public static long sequenceKey(long i, long keys) {
        return i % Math.max(1, keys);
    }

    /**
     * Sentence {@code i} of {@code sentence-source} with {@code seed}: 3 to 8 words from a fixed vocabulary with a
     * skewed distribution (some words are much more frequent, as in real text).
     */
    public static String sentence(long seed, long i) {
        long h = mix(seed * 0x9E3779B97F4A7C15L + i);
        int n = 3 + (int) Long.remainderUnsigned(h, 6);
        StringBuilder sentence = new StringBuilder(n * 8);
        for (int w = 0; w < n; w++) {
            h = mix(h + w + 1);
            // Skew: squaring a uniform draw favours the first words of the vocabulary.
            double u = (h >>> 11) * 0x1.0p-53;
            int index = (int) (u * u * WORDS.length);
            if (w > 0) {
                sentence.append(' ');
            }
            sentence.append(WORDS[index]);
        }
        return sentence.toString();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
