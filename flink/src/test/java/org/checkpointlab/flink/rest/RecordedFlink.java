package org.checkpointlab.flink.rest;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A REST server on 127.0.0.1 that answers as the Flink cluster whose answers are recorded in this module's test
 * resources ({@code flink-rest/VERSION}, see its README): the job of {@code jobs-overview.json}, its vertices and its
 * latest completed checkpoint. Tests can then change or remove answers: a job that vanishes, a savepoint that fails.
 * Paths are matched without their query; anything unknown is Flink's 404. Published in this module's test-jar, so the
 * app's tests connect to the same recorded cluster.
 */
public final class RecordedFlink implements AutoCloseable {
    /** The job of the Flink 2.3 recording. */
    public static final String JOB = "9301db86d9523fe05bbcd7b9d85f7c4d";

    static {
        // The JDK's server otherwise waits for delayed ACKs: about 50 ms per request instead of 10.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final String version;
    /** Answers by "METHOD path"; replaced by tests while the server runs. */
    public final Map<String, String> answers = new ConcurrentHashMap<>();
    /** Requests ("GET /v1/...") answered HTTP 500 so many more times before their answer, as Flink does now and then. */
    public final Map<String, Integer> serverErrors = new ConcurrentHashMap<>();
    public final String jobId;
    public final String jobName;
    /** The job's vertex ids, in the order of {@code job.json} (0 source, 1 keyed count, 2 sink). */
    public final List<String> vertices = new ArrayList<>();
    /** The latest completed checkpoint, whose details are recorded. */
    public final long checkpointId;

    /** The Flink 2.3 recording. */
    public RecordedFlink() throws IOException {
        this("2.3");
    }

    /** The recording of Flink {@code version} (a folder under {@code flink-rest/}). */
    public RecordedFlink(String version) throws IOException {
        this.version = version;
        JsonObject firstJob = json("jobs-overview.json").getAsJsonArray("jobs").get(0).getAsJsonObject();
        jobId = firstJob.get("jid").getAsString();
        jobName = firstJob.get("name").getAsString();
        json("job.json").getAsJsonArray("vertices")
                .forEach(v -> vertices.add(v.getAsJsonObject().get("id").getAsString()));
        checkpointId = json("checkpoint-details.json").get("id").getAsLong();
        String job = "GET /v1/jobs/" + jobId;
        put("GET /v1/config", "config.json");
        put("GET /v1/jobs/overview", "jobs-overview.json");
        put(job, "job.json");
        put(job + "/plan", "plan.json");
        put(job + "/checkpoints", "checkpoints.json");
        put(job + "/checkpoints/config", "checkpoints-config.json");
        put(job + "/checkpoints/details/" + checkpointId, "checkpoint-details.json");
        put(job + "/exceptions", "exceptions.json");
        put(job + "/metrics", "job-metrics.json");
        for (int i = 0; i < vertices.size(); i++) {
            String vertex = job + "/vertices/" + vertices.get(i);
            put(vertex, "vertex-" + i + ".json");
            put(vertex + "/backpressure", "vertex-" + i + "-backpressure.json");
            put(vertex + "/metrics", "vertex-" + i + "-metrics.json");
            put(job + "/checkpoints/details/" + checkpointId + "/subtasks/" + vertices.get(i),
                    "checkpoint-subtasks-" + i + ".json");
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            if (takeServerError(request)) {
                byte[] error = "{\"errors\":[\"Internal server error.\"]}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, error.length);
                exchange.getResponseBody().write(error);
                exchange.close();
                return;
            }
            String body = answers.get(request);
            byte[] bytes = (body != null ? body : "{\"errors\":[\"Not found: " + exchange.getRequestURI().getPath()
                    + "\"]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body != null ? 200 : 404, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** Whether {@code request} is answered HTTP 500 this time (one of its {@link #serverErrors} used up). */
    private boolean takeServerError(String request) {
        boolean[] took = {false};
        serverErrors.computeIfPresent(request, (r, left) -> {
            took[0] = true;
            return left > 1 ? left - 1 : null;
        });
        return took[0];
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code request} with the recorded {@code fixture}, when this version's recording has it. */
    private void put(String request, String fixture) throws IOException {
        String text = fixture(fixture);
        if (text != null) {
            answers.put(request, text);
        }
    }

    private JsonObject json(String fixture) throws IOException {
        String text = fixture(fixture);
        if (text == null) {
            throw new IOException("no recorded " + fixture + " for Flink " + version);
        }
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private String fixture(String fixture) throws IOException {
        try (InputStream in = RecordedFlink.class.getResourceAsStream("/flink-rest/" + version + "/" + fixture)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
