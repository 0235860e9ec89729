package org.checkpointlab.model.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyGroupsTest {

    /**
     * An independent reference: the general MurmurHash3 x86_32 over a byte array (little-endian blocks, tail,
     * length, fmix32), fed the four little-endian bytes of the int, then Flink's non-negative mapping.
     */
    private static int referenceFlinkMurmur(int value) {
        byte[] data = {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
        final int c1 = 0xcc9e2d51;
        final int c2 = 0x1b873593;
        int h1 = 0; // seed
        int blocks = data.length / 4;
        for (int b = 0; b < blocks; b++) {
            int k1 = (data[4 * b] & 0xff) | (data[4 * b + 1] & 0xff) << 8 | (data[4 * b + 2] & 0xff) << 16
                    | (data[4 * b + 3] & 0xff) << 24;
            k1 *= c1;
            k1 = (k1 << 15) | (k1 >>> 17);
            k1 *= c2;
            h1 ^= k1;
            h1 = (h1 << 13) | (h1 >>> 19);
            h1 = h1 * 5 + 0xe6546b64;
        }
        // no tail: 4 bytes are one whole block
        h1 ^= data.length;
        h1 ^= h1 >>> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >>> 13;
        h1 *= 0xc2b2ae35;
        h1 ^= h1 >>> 16;
        return h1 >= 0 ? h1 : (h1 == Integer.MIN_VALUE ? 0 : -h1);
    }

    @Test
    void murmurHash_matchesAnIndependentMurmur3Transcription_forTenThousandInts() {
        SplittableRandom random = new SplittableRandom(20240601L);
        int[] edges = {0, 1, -1, 2, 42, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, 0x7fff, 0x8000};
        for (int edge : edges) {
            assertThat(KeyGroups.murmurHash(edge)).as("murmurHash(%d)", edge).isEqualTo(referenceFlinkMurmur(edge));
        }
        for (int i = 0; i < 10_000; i++) {
            int value = random.nextInt();
            assertThat(KeyGroups.murmurHash(value)).as("murmurHash(%d)", value)
                    .isEqualTo(referenceFlinkMurmur(value))
                    .isNotNegative();
        }
    }

    @Test
    void murmurHashOfZero_isTheWellKnownMurmur3ValueOfFourZeroBytes() {
        // MurmurHash3_x86_32 of four zero bytes with seed 0 is 0x2362F9DE.
        assertThat(KeyGroups.murmurHash(0)).isEqualTo(0x2362F9DE);
    }

    /** Expected values derived with the MurmurHash3 reference above (and cross-checked with Guava's murmur3_32). */
    @ParameterizedTest(name = "{0} key {1}: murmur {2}, key group {3} of 128, subtask {4}/{5}/{6} of 2/3/4")
    @CsvSource({
            "Integer, 0,            593689054,  94, 1, 2, 2",
            "Integer, 1,            68075478,   86, 1, 2, 2",
            "Integer, 2,            1085422463, 127, 1, 2, 3",
            "Integer, 42,           1134849565, 29, 0, 0, 0",
            "Integer, -1,           1982413648, 80, 1, 1, 2",
            "Integer, -2147483648,  1718298732, 108, 1, 2, 3",
            "Integer, 2147483647,   1653689534, 62, 0, 1, 1",
            "String,  a,            1455541201, 81, 1, 1, 2",
            "String,  hello,        1715862179, 35, 0, 0, 1",
            "String,  user-7,       1498315941, 37, 0, 0, 1",
            "Long,    0,            593689054,  94, 1, 2, 2",
            "Long,    1,            68075478,   86, 1, 2, 2",
            "Long,    123456789012, 723049339,  123, 1, 2, 3",
            "Long,    -5,           1889779975, 7, 0, 0, 0",
    })
    void keysLandOnFlinksKeyGroupAndSubtask(String type, String text, int murmur, int keyGroup, int p2, int p3,
                                           int p4) {
        Object key = switch (type) {
            case "Integer" -> Integer.valueOf(text);
            case "Long" -> Long.valueOf(text);
            default -> text;
        };
        assertThat(KeyGroups.murmurHash(key.hashCode())).isEqualTo(murmur);
        assertThat(KeyGroups.assignToKeyGroup(key, 128)).isEqualTo(keyGroup);
        assertThat(KeyGroups.assignKeyToOperator(key, 128, 2)).isEqualTo(p2);
        assertThat(KeyGroups.assignKeyToOperator(key, 128, 3)).isEqualTo(p3);
        assertThat(KeyGroups.assignKeyToOperator(key, 128, 4)).isEqualTo(p4);
    }

    @ParameterizedTest(name = "parallelism {0} -> default max parallelism {1}")
    @CsvSource({"1, 128", "2, 128", "85, 128", "86, 256", "100, 256", "171, 256", "172, 512", "1000, 2048", "21845, 32768",
            "21846, 32768", "30000, 32768", "2147483647, 32768"})
    void defaultMaxParallelism_roundsOneAndAHalfTimesUpToAPowerOfTwoWithinBounds(int parallelism, int expected) {
        assertThat(KeyGroups.defaultMaxParallelism(parallelism)).isEqualTo(expected);
    }

    @Test
    void rangesForOperatorIndex_matchFlinksFormulaForExamples() {
        assertThat(KeyGroups.rangeForOperatorIndex(128, 3, 0)).isEqualTo(new KeyGroupRange(0, 42));
        assertThat(KeyGroups.rangeForOperatorIndex(128, 3, 1)).isEqualTo(new KeyGroupRange(43, 85));
        assertThat(KeyGroups.rangeForOperatorIndex(128, 3, 2)).isEqualTo(new KeyGroupRange(86, 127));
        assertThat(KeyGroups.rangeForOperatorIndex(128, 2, 1)).isEqualTo(new KeyGroupRange(64, 127));
        assertThat(KeyGroups.rangeForOperatorIndex(128, 128, 5)).isEqualTo(new KeyGroupRange(5, 5));
    }

    @Test
    void everyKeyGroupIsInExactlyOneSubtaskRange_andOperatorIndexAgreesWithTheRanges() {
        int[] maxParallelisms = {1, 2, 3, 7, 64, 100, 128, 129, 255, 256, 1000};
        for (int maxP : maxParallelisms) {
            for (int p = 1; p <= maxP; p++) {
                assertRangesPartitionKeyGroups(maxP, p);
            }
        }
        // the largest max parallelism, for a spread of parallelisms
        for (int p : new int[] {1, 2, 3, 17, 1000, 4095, 32767, 32768}) {
            assertRangesPartitionKeyGroups(32768, p);
        }
    }

    private static void assertRangesPartitionKeyGroups(int maxP, int p) {
        int next = 0;
        for (int i = 0; i < p; i++) {
            KeyGroupRange range = KeyGroups.rangeForOperatorIndex(maxP, p, i);
            if (range.start() != next || range.size() < 1) {
                throw new AssertionError("maxP " + maxP + ", p " + p + ": subtask " + i + " has " + range
                        + " but should start at " + next + " and be non-empty");
            }
            for (int kg = range.start(); kg <= range.end(); kg++) {
                int owner = KeyGroups.operatorIndexForKeyGroup(maxP, p, kg);
                if (owner != i) {
                    throw new AssertionError("maxP " + maxP + ", p " + p + ": key group " + kg + " is in the range "
                            + range + " of subtask " + i + " but operatorIndexForKeyGroup says " + owner);
                }
            }
            next = range.end() + 1;
        }
        if (next != maxP) {
            throw new AssertionError("maxP " + maxP + ", p " + p + ": ranges end at " + (next - 1));
        }
    }

    @Test
    void assignKeyToOperator_agreesWithTheRangeHoldingTheKeysGroup() {
        for (int k = 0; k < 5_000; k++) {
            Object key = "key-" + k;
            int group = KeyGroups.assignToKeyGroup(key, 128);
            int subtask = KeyGroups.assignKeyToOperator(key, 128, 3);
            assertThat(KeyGroups.rangeForOperatorIndex(128, 3, subtask).contains(group)).isTrue();
        }
    }

    @Test
    void parallelismAboveMaxParallelism_isRejectedNamingBoth() {
        assertThatThrownBy(() -> KeyGroups.rangeForOperatorIndex(128, 129, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism 129").hasMessageContaining("max parallelism 128");
        assertThatThrownBy(() -> KeyGroups.assignKeyToOperator("k", 4, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism 5");
    }

    @Test
    void maxParallelismOutsideOneTo32768_isRejected() {
        assertThatThrownBy(() -> KeyGroups.assignToKeyGroup("k", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 32768, was 0");
        assertThatThrownBy(() -> KeyGroups.assignToKeyGroup("k", 32769))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 32769");
        assertThatThrownBy(() -> KeyGroups.defaultMaxParallelism(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism must be at least 1");
    }

    @Test
    void subtaskIndexOrKeyGroupOutOfBounds_isRejectedNamingTheValue() {
        assertThatThrownBy(() -> KeyGroups.rangeForOperatorIndex(128, 3, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subtask index 3");
        assertThatThrownBy(() -> KeyGroups.operatorIndexForKeyGroup(128, 3, 128))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key group 128");
        assertThatThrownBy(() -> KeyGroups.operatorIndexForKeyGroup(128, 3, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key group -1");
    }

    @Test
    void nullKey_isRejectedWithAClearMessage() {
        assertThatThrownBy(() -> KeyGroups.assignToKeyGroup(null, 128))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("key must not be null");
    }
}
