package org.checkpointlab.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.checkpointlab.model.pipeline.OperatorSpec;

/**
 * Chaos on a Flink run, as the local engine's: {@code failures} failures, each into a random subtask of a random
 * operator (not a source: the failure hook wraps operators and sinks) 200 ms to 2 s after every task runs again,
 * from {@code seed}. Runs on a daemon thread of its own.
 */
public final class FlinkChaos {
    private FlinkChaos() {
    }

    /** Starts chaos on {@code run}; completes with the number injected (fewer when the job ends first). */
    public static CompletableFuture<Integer> start(FlinkRun run, int failures, long seed) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        List<OperatorSpec> victims = new ArrayList<>();
        run.pipeline().operators().stream().filter(op -> !FlinkRun.isSource(op)).forEach(victims::add);
        Thread chaos = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(seed);
            int injected = 0;
            try {
                for (int k = 0; k < failures && !run.isDone(); k++) {
                    if (!run.awaitRunning(Duration.ofMinutes(5))) {
                        break;
                    }
                    Thread.sleep(200 + random.nextInt(1800));
                    OperatorSpec op = victims.get(random.nextInt(victims.size()));
                    long before = run.injectedFailures();
                    run.injectFailure(op.id(), random.nextInt(op.parallelism()));
                    if (thrown(run, before)) {
                        injected++;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.complete(injected);
        }, "flink-chaos");
        chaos.setDaemon(true);
        chaos.start();
        return done;
    }

    /** Waits (up to 5 s) until the requested failure was thrown, i.e. its subtask took its next record. */
    private static boolean thrown(FlinkRun run, long before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (run.injectedFailures() == before && !run.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return run.injectedFailures() > before;
    }
}
