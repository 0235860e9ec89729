package org.checkpointlab.model.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The async phase of a checkpoint against a task thread that keeps writing: the bytes must hold exactly the state
 * of the sync-phase moment, for two snapshots in flight at once.
 */
class HeapKeyedStateBackendConcurrencyTest {

    private static final int KEYS = 5_000;
    private static final int MAX_P = 128;

    @Test
    void writerThreadHammeringUpdatesDuringWrite_neverChangesWhatTheSnapshotsHold() throws Exception {
        HeapKeyedStateBackend backend = new HeapKeyedStateBackend(new KeyGroupRange(0, MAX_P - 1), MAX_P);
        CompletableFuture<List<KeyedStateBackend.KeyedSnapshot>> snapshots = new CompletableFuture<>();
        CountDownLatch mutatedAfterSnapshots = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong rounds = new AtomicLong();
        AtomicReference<Throwable> taskFailure = new AtomicReference<>();

        Thread task = new Thread(() -> {
            try {
                ValueState<Long> count = backend.valueState("count");
                ListState<Long> seen = backend.listState("seen");
                MapState<String, Long> attrs = backend.mapState("attrs");
                for (int k = 0; k < KEYS; k++) {
                    backend.setCurrentKey(k);
                    count.update(1L);
                    seen.add(1L);
                    attrs.put("v", 1L);
                }
                KeyedStateBackend.KeyedSnapshot first = backend.snapshot(1);
                for (int k = 0; k < KEYS; k++) {
                    backend.setCurrentKey(k);
                    count.update(2L);
                    seen.add(2L);
                    attrs.put("v", 2L);
                }
                KeyedStateBackend.KeyedSnapshot second = backend.snapshot(2);
                snapshots.complete(List.of(first, second));
                long round = 3;
                while (!stop.get()) {
                    for (int k = 0; k < KEYS; k++) {
                        backend.setCurrentKey(k);
                        count.update(round);
                        seen.add(round);
                        if (seen.get().size() > 8) {
                            seen.update(List.of(round));
                        }
                        attrs.put("v", round);
                        attrs.put("r" + (round % 4), round);
                        if (k % 7 == 0) {
                            count.clear();
                        }
                    }
                    round++;
                    rounds.incrementAndGet();
                    mutatedAfterSnapshots.countDown();
                }
            } catch (Throwable t) {
                taskFailure.set(t);
                snapshots.completeExceptionally(t);
                mutatedAfterSnapshots.countDown();
            }
        }, "task-thread");
        task.start();

        List<KeyedStateBackend.KeyedSnapshot> taken = snapshots.get(30, TimeUnit.SECONDS);
        assertThat(mutatedAfterSnapshots.await(30, TimeUnit.SECONDS)).isTrue();
        // the async phase, while the task thread keeps writing
        byte[] secondBytes = taken.get(1).write();
        byte[] firstBytes = taken.get(0).write();
        stop.set(true);
        task.join(30_000);
        assertThat(taskFailure.get()).isNull();
        assertThat(rounds.get()).isPositive();

        assertRestoresUniformly(firstBytes, 1L, List.of(1L));
        assertRestoresUniformly(secondBytes, 2L, List.of(1L, 2L));
    }

    private static void assertRestoresUniformly(byte[] bytes, long value, List<Long> list) throws Exception {
        HeapKeyedStateBackend restored = new HeapKeyedStateBackend(new KeyGroupRange(0, MAX_P - 1), MAX_P);
        restored.restore(List.of(bytes));
        ValueState<Long> count = restored.valueState("count");
        ListState<Long> seen = restored.listState("seen");
        MapState<String, Long> attrs = restored.mapState("attrs");
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            restored.setCurrentKey(k);
            if (!Long.valueOf(value).equals(count.value()) || !seen.get().equals(list)
                    || !attrs.entries().equals(java.util.Map.of("v", value))) {
                wrong.add("key " + k + ": " + count.value() + " " + seen.get() + " " + attrs.entries());
            }
        }
        assertThat(wrong).as("keys whose state differs from the snapshot moment").isEmpty();
        assertThat(restored.numberOfEntries()).isEqualTo(3L * KEYS);
    }
}
