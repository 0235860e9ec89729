package org.checkpointlab.model.state;

/**
 * Key-group arithmetic, exactly as Flink's {@code KeyGroupRangeAssignment}: a key is hashed into one of
 * {@code maxParallelism} key groups, and the key groups are dealt out to the parallel subtasks of an operator in
 * contiguous ranges. Because the same formulas are used, a key lands on the same key group and subtask here as it
 * would on a Flink cluster with the same parallelism and max parallelism.
 *
 * <p>Pure static functions, safe from any thread.
 */
public final class KeyGroups {

    /** The largest max parallelism Flink allows (2^15), since key groups are stored in 16-bit fields. */
    public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

    /** The smallest default max parallelism. */
    public static final int DEFAULT_LOWER_BOUND_MAX_PARALLELISM = 1 << 7;

    private KeyGroups() {
    }

    /**
     * The max parallelism Flink picks when none is configured: {@code p + p/2} rounded up to a power of two, at
     * least 128 and at most 32768.
     */
    public static int defaultMaxParallelism(int parallelism) {
        requirePositive("parallelism", parallelism);
        long wanted = (long) parallelism + parallelism / 2;
        if (wanted >= UPPER_BOUND_MAX_PARALLELISM) {
            return UPPER_BOUND_MAX_PARALLELISM;
        }
        int roundedUp = roundUpToPowerOfTwo((int) wanted);
        return Math.min(Math.max(roundedUp, DEFAULT_LOWER_BOUND_MAX_PARALLELISM), UPPER_BOUND_MAX_PARALLELISM);
    }

    /**
     * Flink's {@code MathUtils.murmurHash(int)}: MurmurHash3 (x86, 32 bit, seed 0) of the four bytes of
     * {@code code}, made non-negative ({@code Integer.MIN_VALUE} maps to 0).
     */
    public static int murmurHash(int code) {
        // body: one 4-byte block mixed into a zero seed
        int k = code * 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        int h = Integer.rotateLeft(k, 13); // 0 ^ k
        h = h * 5 + 0xe6546b64;
        // finalisation: length (4 bytes), then the avalanche mix
        h ^= 4;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        if (h >= 0) {
            return h;
        }
        return h != Integer.MIN_VALUE ? -h : 0;
    }

    /** The key group of {@code key}: {@code murmurHash(key.hashCode()) % maxParallelism}. */
    public static int assignToKeyGroup(Object key, int maxParallelism) {
        if (key == null) {
            throw new NullPointerException("a key must not be null (keyed state and keyBy need a key)");
        }
        checkMaxParallelism(maxParallelism);
        return keyGroupOfHash(key.hashCode(), maxParallelism);
    }

    /** The key group for a key hash code, without argument checks; for hot paths that validated once. */
    static int keyGroupOfHash(int hashCode, int maxParallelism) {
        return murmurHash(hashCode) % maxParallelism;
    }

    /** The index of the subtask that owns {@code keyGroup}: {@code keyGroup * parallelism / maxParallelism}. */
    public static int operatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroup) {
        checkParallelism(maxParallelism, parallelism);
        if (keyGroup < 0 || keyGroup >= maxParallelism) {
            throw new IllegalArgumentException("key group " + keyGroup + " is outside [0, " + (maxParallelism - 1)
                    + "] for max parallelism " + maxParallelism);
        }
        return keyGroup * parallelism / maxParallelism;
    }

    /**
     * The key groups owned by subtask {@code index} of {@code parallelism}:
     * {@code [(i*maxP + p - 1) / p, ((i+1)*maxP - 1) / p]}.
     */
    public static KeyGroupRange rangeForOperatorIndex(int maxParallelism, int parallelism, int index) {
        checkParallelism(maxParallelism, parallelism);
        if (index < 0 || index >= parallelism) {
            throw new IllegalArgumentException(
                    "subtask index " + index + " is outside [0, " + (parallelism - 1) + "] for parallelism "
                            + parallelism);
        }
        int start = (index * maxParallelism + parallelism - 1) / parallelism;
        int end = ((index + 1) * maxParallelism - 1) / parallelism;
        return new KeyGroupRange(start, end);
    }

    /** The index of the subtask that processes {@code key}. */
    public static int assignKeyToOperator(Object key, int maxParallelism, int parallelism) {
        checkParallelism(maxParallelism, parallelism);
        return operatorIndexForKeyGroup(maxParallelism, parallelism, assignToKeyGroup(key, maxParallelism));
    }

    /** Checks {@code 1 <= maxParallelism <= 32768}. */
    public static void checkMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException("max parallelism must be between 1 and " + UPPER_BOUND_MAX_PARALLELISM
                    + ", was " + maxParallelism);
        }
    }

    /** Checks {@code 1 <= parallelism <= maxParallelism <= 32768}. */
    public static void checkParallelism(int maxParallelism, int parallelism) {
        checkMaxParallelism(maxParallelism);
        requirePositive("parallelism", parallelism);
        if (parallelism > maxParallelism) {
            throw new IllegalArgumentException("parallelism " + parallelism + " exceeds max parallelism "
                    + maxParallelism + " (there would be subtasks without key groups)");
        }
    }

    private static int roundUpToPowerOfTwo(int x) {
        return x <= 1 ? 1 : Integer.highestOneBit(x - 1) << 1;
    }

    private static void requirePositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, was " + value);
        }
    }
}
