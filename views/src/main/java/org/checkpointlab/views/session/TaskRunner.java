package org.checkpointlab.views.session;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs work that may block on the engine (savepoints, restores) away from the FX thread, and hands the outcome back
 * on the FX thread. {@link #background()} uses one daemon worker thread; {@link #sameThread()} runs everything at
 * once on the caller's thread, so view-model tests are deterministic.
 */
public interface TaskRunner {

    /**
     * Runs {@code work}; then calls {@code onSuccess} with its result or {@code onFailure} with what it threw, on
     * the FX thread (the caller's thread for {@link #sameThread()}).
     */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs work on the calling thread, before {@code run} returns. */
    static TaskRunner sameThread() {
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }

    /** Runs work on one daemon thread, in submission order, and reports back through {@link Platform#runLater}. */
    static TaskRunner background() {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "checkpoint-lab-session");
            t.setDaemon(true);
            return t;
        });
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
                worker.execute(() -> {
                    try {
                        T result = work.call();
                        Platform.runLater(() -> onSuccess.accept(result));
                    } catch (Exception e) {
                        Platform.runLater(() -> onFailure.accept(e));
                    }
                });
            }
        };
    }
}
