package org.checkpointlab.flink.rest;

import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Flink's asynchronous operations over REST: a POST answers a trigger id ({@code request-id}), and
 * {@code GET .../:triggerid} answers {@code status.id} IN_PROGRESS until COMPLETED with an {@code operation} that
 * holds the result or a {@code failure-cause}. Every HTTP call runs on the given executor, never the caller's thread.
 */
final class RestTriggers {
    private final FlinkRestApi api;
    private final ScheduledExecutorService executor;
    private final Duration pollEvery;

    RestTriggers(FlinkRestApi api, ScheduledExecutorService executor, Duration pollEvery) {
        this.api = api;
        this.executor = executor;
        this.pollEvery = pollEvery;
    }

    /**
     * POSTs {@code body} to {@code path}, then polls {@code statusPath/:triggerid} (a stop answers under
     * {@code savepoints}); completes with {@code result} of the operation, or fails with Flink's failure cause,
     * prefixed by {@code what}.
     */
    <T> CompletableFuture<T> trigger(String what, String path, String statusPath, JsonObject body,
                                     Function<JsonObject, T> result) {
        CompletableFuture<T> future = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                JsonObject answer = api.post(path, body).getAsJsonObject();
                String triggerId = RestJson.getString(answer, "request-id");
                if (triggerId == null) {
                    throw new FlinkRestException(what + ": " + api.address() + "/v1" + path + " gave no request-id");
                }
                poll(what, statusPath + "/" + triggerId, result, future);
            } catch (Exception e) {
                fail(future, what, e);
            }
        });
        return future;
    }

    private <T> void poll(String what, String statusPath, Function<JsonObject, T> result,
                          CompletableFuture<T> future) {
        if (future.isDone()) {
            return;
        }
        try {
            JsonObject answer = api.getObject(statusPath);
            String status = RestJson.getString(RestJson.getObject(answer, "status"), "id");
            if (!"COMPLETED".equals(status)) {
                executor.schedule(() -> poll(what, statusPath, result, future), pollEvery.toMillis(),
                        TimeUnit.MILLISECONDS);
                return;
            }
            JsonObject operation = RestJson.getObject(answer, "operation");
            // Savepoint operations say "failure-cause"; checkpoint operations (Flink 2.x) say "failureCause".
            JsonObject cause = RestJson.getObject(operation, "failure-cause");
            if (cause == null) {
                cause = RestJson.getObject(operation, "failureCause");
            }
            if (cause != null) {
                future.completeExceptionally(new FlinkRestException(what + " failed on the Flink cluster at "
                        + api.address() + ": " + causeMessage(cause)));
            } else {
                future.complete(result.apply(operation));
            }
        } catch (Exception e) {
            fail(future, what, e);
        }
    }

    /** Reads something Flink shows only once its statistics cache refreshed: tries until present or out of tries. */
    interface Attempt<T> {
        /** The value, or null when Flink does not show it yet. */
        T read() throws Exception;
    }

    /**
     * Completes with the first non-null result of {@code attempt}, tried now and then every poll period, at most
     * {@code tries} times; then with {@code fallback} (null: fails naming {@code what}).
     */
    <T> CompletableFuture<T> retry(String what, Attempt<T> attempt, int tries, T fallback) {
        CompletableFuture<T> future = new CompletableFuture<>();
        executor.execute(() -> retry(what, attempt, tries, fallback, future));
        return future;
    }

    private <T> void retry(String what, Attempt<T> attempt, int tries, T fallback, CompletableFuture<T> future) {
        try {
            T value = attempt.read();
            if (value != null) {
                future.complete(value);
            } else if (tries > 1) {
                executor.schedule(() -> retry(what, attempt, tries - 1, fallback, future), pollEvery.toMillis(),
                        TimeUnit.MILLISECONDS);
            } else if (fallback != null) {
                future.complete(fallback);
            } else {
                future.completeExceptionally(new FlinkRestException(what + ": the Flink cluster at "
                        + api.address() + " did not show it"));
            }
        } catch (Exception e) {
            fail(future, what, e);
        }
    }

    /** Tries for about {@code span}. */
    int triesFor(Duration span) {
        return (int) Math.max(1, span.toMillis() / Math.max(1, pollEvery.toMillis()));
    }

    private static void fail(CompletableFuture<?> future, String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        future.completeExceptionally(e instanceof FlinkRestException ? e
                : new FlinkRestException(what + ": " + e, -1, e));
    }

    /** The first line of Flink's serialized stack trace ({@code stack-trace}), else the exception class. */
    static String causeMessage(JsonObject cause) {
        String trace = RestJson.getString(cause, "stack-trace");
        if (trace != null && !trace.isBlank()) {
            return trace.lines().findFirst().orElse(trace).trim();
        }
        String type = RestJson.getString(cause, "class");
        return type == null ? "unknown cause" : type;
    }

    /** A savepoint location as Flink reports it ({@code file:/tmp/sp/savepoint-...}) as a path. */
    static Path location(String location) {
        if (location == null) {
            return null;
        }
        return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    }
}
