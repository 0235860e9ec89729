package org.checkpointlab.model.state;

/**
 * A contiguous, inclusive range of key groups, as Flink's {@code KeyGroupRange}. An empty range has
 * {@code end < start}.
 */
public record KeyGroupRange(int start, int end) {

    public static KeyGroupRange empty() {
        return new KeyGroupRange(0, -1);
    }

    public int size() {
        return Math.max(0, end - start + 1);
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= start && keyGroup <= end;
    }

    public KeyGroupRange intersection(KeyGroupRange other) {
        int s = Math.max(start, other.start);
        int e = Math.min(end, other.end);
        return s <= e ? new KeyGroupRange(s, e) : empty();
    }

    @Override
    public String toString() {
        return size() == 0 ? "[]" : "[" + start + ".." + end + "]";
    }
}
