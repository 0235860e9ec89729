package org.checkpointlab.app.flink;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A REST server on 127.0.0.1 answering as the Flink cluster whose answers are recorded in the flink module's
 * fixtures ({@code flink/src/test/resources/flink-rest/VERSION}): the job of {@code jobs-overview.json}, its vertices
 * and its latest completed checkpoint. Paths are matched without their query; anything else is Flink's 404.
 */
final class FakeFlinkRest implements AutoCloseable {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    final Map<String, String> answers = new ConcurrentHashMap<>();
    final String jobId;
    final String jobName;
    final List<String> vertices = new ArrayList<>();
    final long checkpointId;

    FakeFlinkRest(String version) throws IOException {
        Path dir = Path.of("..", "flink", "src", "test", "resources", "flink-rest", version);
        JsonObject overview = json(dir, "jobs-overview.json");
        JsonObject firstJob = overview.getAsJsonArray("jobs").get(0).getAsJsonObject();
        jobId = firstJob.get("jid").getAsString();
        jobName = firstJob.get("name").getAsString();
        JsonObject job = json(dir, "job.json");
        job.getAsJsonArray("vertices").forEach(v -> vertices.add(v.getAsJsonObject().get("id").getAsString()));
        checkpointId = json(dir, "checkpoint-details.json").get("id").getAsLong();
        String base = "GET /v1/jobs/" + jobId;
        put(dir, "GET /v1/config", "config.json");
        put(dir, "GET /v1/jobs/overview", "jobs-overview.json");
        put(dir, base, "job.json");
        put(dir, base + "/plan", "plan.json");
        put(dir, base + "/checkpoints", "checkpoints.json");
        put(dir, base + "/checkpoints/config", "checkpoints-config.json");
        put(dir, base + "/checkpoints/details/" + checkpointId, "checkpoint-details.json");
        put(dir, base + "/exceptions", "exceptions.json");
        put(dir, base + "/metrics", "job-metrics.json");
        for (int i = 0; i < vertices.size(); i++) {
            String v = base + "/vertices/" + vertices.get(i);
            put(dir, v, "vertex-" + i + ".json");
            put(dir, v + "/backpressure", "vertex-" + i + "-backpressure.json");
            put(dir, v + "/metrics", "vertex-" + i + "-metrics.json");
            put(dir, base + "/checkpoints/details/" + checkpointId + "/subtasks/" + vertices.get(i),
                    "checkpoint-subtasks-" + i + ".json");
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = answers.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            byte[] bytes = (body != null ? body : "{\"errors\":[\"Not found: " + exchange.getRequestURI().getPath()
                    + "\"]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body != null ? 200 : 404, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void put(Path dir, String request, String file) throws IOException {
        Path p = dir.resolve(file);
        if (Files.isRegularFile(p)) {
            answers.put(request, Files.readString(p, StandardCharsets.UTF_8));
        }
    }

    private static JsonObject json(Path dir, String file) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve(file), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
