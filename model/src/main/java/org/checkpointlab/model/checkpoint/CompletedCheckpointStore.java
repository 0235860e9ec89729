package org.checkpointlab.model.checkpoint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The completed checkpoints a job retains (Flink's {@code CompletedCheckpointStore}), oldest first: a new one
 * subsumes the oldest beyond the number retained, which is discarded. Savepoints are never kept here. The
 * {@link CheckpointCoordinator}'s timer thread only.
 */
final class CompletedCheckpointStore {
    private final Deque<CompletedCheckpoint> retained = new ArrayDeque<>();
    private final Consumer<CompletedCheckpoint> discard;

    /** @param discard deletes a checkpoint that is no longer retained */
    CompletedCheckpointStore(Consumer<CompletedCheckpoint> discard) {
        this.discard = discard;
    }

    void add(CompletedCheckpoint checkpoint) {
        retained.addLast(checkpoint);
    }

    /** Discards the oldest checkpoints until at most {@code count} are retained. */
    void retainNewest(int count) {
        while (retained.size() > count) {
            discard.accept(retained.pollFirst());
        }
    }

    /** The id of the oldest retained checkpoint, or {@code otherwise} when none is. */
    long oldestId(long otherwise) {
        return retained.isEmpty() ? otherwise : retained.peekFirst().id();
    }

    Set<Long> ids() {
        Set<Long> ids = new HashSet<>();
        retained.forEach(c -> ids.add(c.id()));
        return ids;
    }
}
