package org.checkpointlab.flink.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Rescaling a running job through Flink's adaptive scheduler (Flink 1.18+): {@code GET /jobs/:jid/resource-requirements}
 * answers, per job vertex id, {@code {"parallelism":{"lowerBound":L,"upperBound":U}}} (U is the parallelism the
 * scheduler aims for), and a {@code PUT} of the same shape changes them. The scheduler then restarts the job from its
 * latest checkpoint at the new parallelism once it has the slots, after its cooldown since the last rescale
 * ({@code jobmanager.adaptive-scheduler.scaling-interval.min} up to 1.20,
 * {@code jobmanager.adaptive-scheduler.executing.cooldown-after-rescaling} from 2.0; 30 s by default) and, with
 * fewer slots than asked, after its resource stabilization timeout; from 2.0 it rescales on the next completed
 * checkpoint ({@code jobmanager.adaptive-scheduler.rescale-trigger.max-delay} at the latest).
 *
 * <p>Which scheduler runs a job is told reliably only by the GET: the default scheduler answers HTTP 500 (its
 * {@code UnsupportedOperationException}), and {@code /jobmanager/config} lists {@code jobmanager.scheduler} only
 * when it was set. In reactive mode ({@code scheduler-mode: reactive}) the GET answers but a PUT is refused: the
 * cluster's task managers decide the parallelism there.
 */
final class RestResourceRequirements {
    /** Why a cluster cannot rescale a running job: its scheduler. */
    static final String NOT_ADAPTIVE = "its scheduler cannot rescale a running job; Flink's adaptive scheduler "
            + "(jobmanager.scheduler: adaptive) can — or take a savepoint and restore at new parallelism";

    private RestResourceRequirements() {
    }

    /** A job vertex's parallelism bounds. */
    record Bounds(int lowerBound, int upperBound) {
    }

    static String path(String jobId) {
        return "/jobs/" + jobId + "/resource-requirements";
    }

    /**
     * Whether the job at {@code api} can be rescaled in place: empty when it can, else why not (one line naming
     * the cluster).
     *
     * @throws FlinkRestException only when the cluster does not answer at all
     */
    static Optional<String> whyNotRescalable(FlinkRestApi api, String jobId) throws FlinkRestException,
            InterruptedException {
        try {
            api.getObject(path(jobId));
        } catch (FlinkRestException e) {
            if (e.httpStatus() < 0) {
                throw e;
            }
            return Optional.of("the Flink cluster at " + api.address() + " runs job " + jobId + " with a scheduler "
                    + "other than the adaptive one: " + NOT_ADAPTIVE);
        }
        if (reactive(api)) {
            return Optional.of("the Flink cluster at " + api.address() + " runs in reactive mode "
                    + "(scheduler-mode: reactive): its task managers set the parallelism, not a request");
        }
        return Optional.empty();
    }

    /** Whether {@code /jobmanager/config} sets {@code scheduler-mode: reactive} (an old cluster without it: no). */
    private static boolean reactive(FlinkRestApi api) throws InterruptedException {
        try {
            JsonElement config = api.get("/jobmanager/config");
            if (config.isJsonArray()) {
                for (JsonObject entry : RestJson.objects(config.getAsJsonArray())) {
                    if ("scheduler-mode".equals(RestJson.getString(entry, "key"))) {
                        String mode = RestJson.getString(entry, "value");
                        return mode != null && mode.toLowerCase(Locale.ROOT).equals("reactive");
                    }
                }
            }
        } catch (FlinkRestException e) {
            // Not told: a PUT refused later says so.
        }
        return false;
    }

    /** The answer of the GET, by job vertex id; entries without bounds are skipped. */
    static Map<String, Bounds> parse(JsonObject answer) {
        Map<String, Bounds> bounds = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : answer.entrySet()) {
            JsonObject parallelism = e.getValue().isJsonObject()
                    ? RestJson.getObject(e.getValue().getAsJsonObject(), "parallelism") : null;
            long upper = RestJson.getLong(parallelism, "upperBound", -1);
            if (upper > 0) {
                bounds.put(e.getKey(), new Bounds((int) RestJson.getLong(parallelism, "lowerBound", 1),
                        (int) upper));
            }
        }
        return bounds;
    }

    /** The body of the PUT. */
    static JsonObject body(Map<String, Bounds> bounds) {
        JsonObject body = new JsonObject();
        bounds.forEach((vertex, b) -> {
            JsonObject parallelism = new JsonObject();
            parallelism.addProperty("lowerBound", b.lowerBound());
            parallelism.addProperty("upperBound", b.upperBound());
            JsonObject requirements = new JsonObject();
            requirements.add("parallelism", parallelism);
            body.add(vertex, requirements);
        });
        return body;
    }

    /**
     * {@code current} with the upper bound of each vertex in {@code wanted} set to its new parallelism (and its lower
     * bound lowered to it where needed); the others as they are.
     *
     * @param maxParallelism each vertex's max parallelism (absent or ≤ 0: unknown, Flink checks it)
     * @throws IllegalArgumentException naming the vertex when it is not the job's or its parallelism is out of
     *                                  1..max parallelism
     */
    static Map<String, Bounds> rescaled(Map<String, Bounds> current, Map<String, Integer> wanted,
                                        Map<String, Integer> maxParallelism) {
        Map<String, Bounds> next = new LinkedHashMap<>(current);
        wanted.forEach((vertex, p) -> {
            Bounds now = current.get(vertex);
            if (now == null) {
                throw new IllegalArgumentException("job vertex " + vertex + " is not one of the job's "
                        + current.keySet());
            }
            int max = maxParallelism.getOrDefault(vertex, -1);
            if (p < 1 || (max > 0 && p > max)) {
                throw new IllegalArgumentException("parallelism " + p + " for job vertex " + vertex
                        + " is outside 1.." + (max > 0 ? max : "its max parallelism"));
            }
            next.put(vertex, new Bounds(Math.min(now.lowerBound(), p), p));
        });
        return next;
    }

    /**
     * Raises the upper bounds of these job vertices (by vertex id) to the wanted parallelism: refused at once when a
     * value is out of range for {@code vertices} (as last seen), else read, changed and PUT on the poller's thread.
     */
    static CompletableFuture<Void> request(FlinkRestApi api, String jobId, List<RestJobParser.Vertex> vertices,
            Map<String, Integer> parallelism, RestTriggers triggers) {
        Map<String, Integer> max = new HashMap<>();
        Map<String, Bounds> known = new HashMap<>();
        for (RestJobParser.Vertex v : vertices) {
            max.put(v.id(), v.maxParallelism());
            known.put(v.id(), new Bounds(1, v.parallelism()));
        }
        try {
            rescaled(known, parallelism, max); // a clear refusal before any request
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        String path = path(jobId);
        return triggers.retry("rescale of job " + jobId, () -> {
            var next = rescaled(parse(api.getObject(path)),
                    parallelism, max);
            api.put(path, body(next));
            return Boolean.TRUE;
        }, 1, null).thenApply(done -> null);
    }
}
