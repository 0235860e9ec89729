package org.checkpointlab.flink.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.checkpointlab.flink.EmbeddedFlinkCluster;
import org.checkpointlab.flink.FlinkRun;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.JobConfig;

/**
 * Records the REST answers of the embedded Flink (2.3) for a running keyed-count job into a directory (default
 * {@code src/test/resources/flink-rest/2.3/}); the command is in {@code src/test/resources/flink-rest/README.md}.
 * A recorder, not a test: it waits for checkpoints and metrics with sleeps.
 */
public final class RecordRestFixtures {
    private RecordRestFixtures() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/flink-rest/2.3");
        Files.createDirectories(out);
        EmbeddedFlinkCluster cluster = EmbeddedFlinkCluster.start(Map.of(), 8);
        JobConfig config = JobConfig.of(RestFixtures.keyedCount(2_000))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(500)));
        HttpClient http = HttpClient.newHttpClient();
        URI base = cluster.restAddress();
        try (FlinkRun run = FlinkRun.submit(cluster, config)) {
            run.awaitRunning(Duration.ofSeconds(60));
            Thread.sleep(4_000); // a recorder, not a test: let checkpoints complete and metrics fill
            String jid = run.jobId().toHexString();
            Map<String, String> files = new LinkedHashMap<>();
            files.put("config.json", "/v1/config");
            files.put("jobs-overview.json", "/v1/jobs/overview");
            files.put("job.json", "/v1/jobs/" + jid);
            files.put("plan.json", "/v1/jobs/" + jid + "/plan");
            files.put("checkpoints.json", "/v1/jobs/" + jid + "/checkpoints");
            files.put("checkpoints-config.json", "/v1/jobs/" + jid + "/checkpoints/config");
            files.put("exceptions.json", "/v1/jobs/" + jid + "/exceptions?maxExceptions=20");
            files.put("job-metrics.json", "/v1/jobs/" + jid + "/metrics?get=numRestarts");
            JsonObject job = get(http, base, files.get("job.json"));
            int i = 0;
            for (var v : job.getAsJsonArray("vertices")) {
                String vid = v.getAsJsonObject().get("id").getAsString();
                files.put("vertex-" + i + ".json", "/v1/jobs/" + jid + "/vertices/" + vid);
                files.put("vertex-" + i + "-backpressure.json", "/v1/jobs/" + jid + "/vertices/" + vid + "/backpressure");
                files.put("vertex-" + i + "-subtasks-metrics.json", "/v1/jobs/" + jid + "/vertices/" + vid
                        + "/subtasks/metrics?get=busyTimeMsPerSecond,backPressuredTimeMsPerSecond,idleTimeMsPerSecond&agg=max,avg");
                files.put("vertex-" + i + "-metrics.json", "/v1/jobs/" + jid + "/vertices/" + vid + "/metrics?get="
                        + RestJobParser.poolUsageQuery(0, v.getAsJsonObject().get("parallelism").getAsInt()));
                i++;
            }
            JsonObject cps = get(http, base, files.get("checkpoints.json"));
            long id = cps.getAsJsonObject("latest").getAsJsonObject("completed").get("id").getAsLong();
            files.put("checkpoint-details.json", "/v1/jobs/" + jid + "/checkpoints/details/" + id);
            i = 0;
            for (var v : job.getAsJsonArray("vertices")) {
                String vid = v.getAsJsonObject().get("id").getAsString();
                files.put("checkpoint-subtasks-" + i + ".json", "/v1/jobs/" + jid + "/checkpoints/details/" + id
                        + "/subtasks/" + vid);
                i++;
            }
            Thread.sleep(1_500); // backpressure stats are computed on the first request
            for (Map.Entry<String, String> e : files.entrySet()) {
                Files.writeString(out.resolve(e.getKey()), raw(http, base, e.getValue()));
            }
            run.cancel();
        } finally {
            cluster.close();
        }
    }

    private static JsonObject get(HttpClient http, URI base, String path) throws Exception {
        return JsonParser.parseString(raw(http, base, path)).getAsJsonObject();
    }

    private static String raw(HttpClient http, URI base, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
