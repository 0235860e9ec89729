package org.checkpointlab.model.operators;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.StreamRecord;

/**
 * {@code sentence-source}: sentence i is a deterministic function of {@code (seed, i)}: 3 to 8 words from a fixed
 * vocabulary with a skewed distribution (some words are much more frequent, as in real text).
 */
final class SentenceSource extends SplitSource {
    private static final String[] WORDS = {
        "the", "checkpoint", "barrier", "stream", "state", "flows", "through", "every", "channel", "and",
        "a", "subtask", "aligns", "snapshot", "of", "records", "in", "flight", "to", "sink",
        "commits", "after", "completion", "keyed", "group", "operator", "restores", "from", "savepoint", "window",
        "counts", "words", "buffer", "credit", "backpressure", "slow", "fast", "source", "replays", "offset",
    };
    private long seed;

    @Override
    protected void configure(OperatorContext context) {
        seed = Params.getLong(context.params(), "seed", 42);
    }

    @Override
    protected StreamRecord record(long i) {
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
        return new StreamRecord(null, sentence.toString(), i);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
