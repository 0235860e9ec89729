package org.checkpointlab.flink.rest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A REST server on 127.0.0.1 that answers with the recorded Flink 2.3 answers (src/test/resources/flink-rest/2.3)
 * for the recorded job, so tests can then change or remove answers: a job that vanishes, a savepoint that fails.
 * Paths are matched without their query; anything unknown is Flink's 404.
 */
final class RecordedFlink implements AutoCloseable {
    static final String JOB = "9301db86d9523fe05bbcd7b9d85f7c4d";
    private static final String[] VERTICES = {"ca88eee0095684d687a1b6495617f957",
        "b71731f1c0df9c3076c4a455334d0ad6", "a1d043dbd3dd84cf10634a96f1f69dbe"};

    static {
        // The JDK's server otherwise waits for delayed ACKs: about 50 ms per request instead of 10.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    /** Answers by "METHOD path"; replaced by tests while the server runs. */
    final Map<String, String> answers = new ConcurrentHashMap<>();

    RecordedFlink() throws IOException {
        String job = "/v1/jobs/" + JOB;
        put("GET /v1/config", "config.json");
        put("GET /v1/jobs/overview", "jobs-overview.json");
        put("GET " + job, "job.json");
        put("GET " + job + "/plan", "plan.json");
        put("GET " + job + "/checkpoints", "checkpoints.json");
        put("GET " + job + "/checkpoints/config", "checkpoints-config.json");
        put("GET " + job + "/exceptions", "exceptions.json");
        put("GET " + job + "/metrics", "job-metrics.json");
        for (int i = 0; i < VERTICES.length; i++) {
            put("GET " + job + "/vertices/" + VERTICES[i], "vertex-" + i + ".json");
            put("GET " + job + "/vertices/" + VERTICES[i] + "/backpressure", "vertex-" + i + "-backpressure.json");
            put("GET " + job + "/checkpoints/details/14/subtasks/" + VERTICES[i], "checkpoint-subtasks-" + i + ".json");
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

    private void put(String request, String fixture) throws IOException {
        try (InputStream in = RecordedFlink.class.getResourceAsStream("/flink-rest/2.3/" + fixture)) {
            answers.put(request, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
