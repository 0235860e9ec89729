package org.checkpointlab.flink.submit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.checkpointlab.flink.rest.FlinkRestApi;
import org.checkpointlab.flink.rest.FlinkRestException;

/**
 * A Flink cluster's web submission ({@code web.submit.enable}, served by flink-runtime-web): {@code POST
 * /jars/upload} stores a jar on the cluster, {@code POST /jars/:jarid/run} runs its entry class, which submits the
 * job, from a savepoint if given. The same in Flink 1.18 to 2.x. Blocking: call it off the UI thread.
 */
public final class WebSubmission {
    private final FlinkRestApi api;

    public WebSubmission(FlinkRestApi api) {
        this.api = api;
    }

    /**
     * Whether the cluster runs the job jar: its {@code /config} does not say web submission is off
     * ({@code features.web-submit}: false when {@code web.submit.enable} is, or flink-runtime-web is missing),
     * {@code /jars} answers (flink-runtime-web is on its class path), and it runs
     * Flink 2.x, which the job jar is built for.
     */
    public static boolean available(FlinkRestApi api, JsonObject config) throws InterruptedException {
        return refusal(api, config).isEmpty();
    }

    /** Why the cluster does not run the job jar, or empty when it does (see {@link #available}). */
    public static java.util.Optional<String> refusal(FlinkRestApi api, JsonObject config)
            throws InterruptedException {
        JsonObject features = config.has("features") && config.get("features").isJsonObject()
                ? config.getAsJsonObject("features") : new JsonObject();
        if (features.has("web-submit") && !features.get("web-submit").getAsBoolean()) {
            return java.util.Optional.of("the Flink cluster at " + api.address() + " has no web submission "
                    + "(web.submit.enable is false, or flink-runtime-web is not on its class path)");
        }
        String version = string(config, "flink-version");
        if (version != null && !version.matches("[2-9]\\..*|\\d{2,}\\..*")) {
            return java.util.Optional.of("the Flink cluster at " + api.address() + " runs Flink " + version
                    + "; the job jar is built for Flink 2.x");
        }
        try {
            api.getObject("/jars");
            return java.util.Optional.empty();
        } catch (FlinkRestException e) {
            return java.util.Optional.of("the Flink cluster at " + api.address() + " has no web submission ("
                    + e.getMessage() + "; it needs flink-runtime-web on the cluster's class path)");
        }
    }

    /** The cluster's REST address. */
    public String address() {
        return api.address();
    }

    /**
     * Uploads {@code jar} ({@code POST /jars/upload}, a multipart form with the file as {@code jarfile}).
     *
     * @return the jar's id on the cluster
     */
    public String upload(Path jar) throws IOException, InterruptedException {
        String boundary = "checkpoint-lab-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofByteArrays(List.of(
                head.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(jar), tail.getBytes(StandardCharsets.UTF_8)));
        JsonObject answer = object(api.post("/jars/upload", "multipart/form-data; boundary=" + boundary, body),
                "/jars/upload");
        String stored = string(answer, "filename");
        if (stored == null || !"success".equals(string(answer, "status"))) {
            throw new FlinkRestException(api.address() + " did not store the job jar: it answered " + answer);
        }
        return stored.substring(Math.max(stored.lastIndexOf('/'), stored.lastIndexOf('\\')) + 1);
    }

    /**
     * Runs jar {@code jarId} ({@code POST /jars/:jarid/run}): {@code entryClass} with {@code args}, from
     * {@code savepointPath} when not null.
     *
     * @return the id of the job the program submitted
     */
    public String run(String jarId, String entryClass, List<String> args, String savepointPath,
                      boolean allowNonRestoredState) throws FlinkRestException, InterruptedException {
        JsonObject request = new JsonObject();
        request.addProperty("entryClass", entryClass);
        JsonArray list = new JsonArray();
        args.forEach(list::add);
        request.add("programArgsList", list);
        if (savepointPath != null) {
            request.addProperty("savepointPath", savepointPath);
            request.addProperty("allowNonRestoredState", allowNonRestoredState);
        }
        String path = "/jars/" + jarId + "/run";
        String jobId = string(object(api.post(path, request), path), "jobid");
        if (jobId == null) {
            throw new FlinkRestException(api.address() + "/v1" + path + " named no job");
        }
        return jobId;
    }

    /** {@code field} of {@code o} when it is a string, else null. */
    static String string(JsonObject o, String field) {
        return o.has(field) && o.get(field).isJsonPrimitive() ? o.get(field).getAsString() : null;
    }

    private JsonObject object(com.google.gson.JsonElement e, String path) throws FlinkRestException {
        if (!e.isJsonObject()) {
            throw new FlinkRestException(api.address() + "/v1" + path + " answered " + e
                    + " where Flink answers a JSON object");
        }
        return e.getAsJsonObject();
    }
}
