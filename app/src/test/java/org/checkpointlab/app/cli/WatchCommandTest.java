package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.checkpointlab.flink.EmbeddedFlinkCluster;
import org.checkpointlab.flink.FlinkRun;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;

/** {@code watch URL}: a summary of a job on a real Flink REST server; exit 2 for a silent or non-Flink address. */
class WatchCommandTest {

    @Test
    void watchingAJobOnTheEmbeddedFlinkPrintsItsVerticesCheckpointsAndBackPressure() throws Exception {
        EmbeddedFlinkCluster cluster = EmbeddedFlinkCluster.shared(Map.of(), EmbeddedFlinkCluster.DEFAULT_SLOTS);
        PipelineSpec pipeline = new PipelineSpec(1, "watched", List.of(
                new OperatorSpec("numbers", "Numbers", "sequence-source", 2, 128,
                        Map.of("count", 0, "keys", 50, "ratePerSecond", 500)),
                new OperatorSpec("count", "Count per key", "keyed-count", 3, 128, Map.of()),
                new OperatorSpec("output", "Output", "discard-sink", 1, 128, Map.of())),
                List.of(new EdgeSpec("numbers", "count", Partitioning.HASH),
                        new EdgeSpec("count", "output", Partitioning.REBALANCE)), Map.of(), true);
        JobConfig config = JobConfig.of(pipeline)
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(200)));
        try (FlinkRun run = FlinkRun.submit(cluster, config)) {
            assertThat(run.awaitRunning(Duration.ofSeconds(60))).isTrue();
            String url = cluster.restAddress().toString();

            Cli.Result r = Cli.run("watch", url, "--job", run.jobId().toHexString(), "--duration", "2s",
                    "--interval", "200ms", "--json");

            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
            assertThat(r.err()).contains("watching Flink job " + run.jobId().toHexString())
                    .contains("checkpoints completed");
            JsonObject json = Cli.onlyJsonObject(r.out());
            assertThat(json.get("status").getAsString()).isEqualTo("RUNNING");
            assertThat(json.getAsJsonObject("checkpoints").get("completed").getAsInt()).isPositive();
            JsonObject first = json.getAsJsonObject("checkpoints").getAsJsonArray("list").get(0).getAsJsonObject();
            assertThat(first.keySet()).contains("syncMs", "asyncMs", "alignmentMs", "startDelayMs");
            JsonObject flink = json.getAsJsonObject("flink");
            assertThat(flink.get("version").getAsString()).isEqualTo("2.3.0");
            assertThat(flink.get("stall").isJsonNull()).as("a healthy job: %s", flink.get("stall")).isTrue();
            JsonArray vertices = flink.getAsJsonArray("vertices");
            assertThat(vertices).hasSize(3);
            assertThat(vertices.get(1).getAsJsonObject().get("name").getAsString()).isEqualTo("Count per key");
            assertThat(vertices.get(1).getAsJsonObject().get("parallelism").getAsInt()).isEqualTo(3);
            assertThat(vertices.get(1).getAsJsonObject().get("backPressureLevel").getAsString())
                    .isIn("OK", "LOW", "HIGH");

            Cli.Result text = Cli.run("watch", url, "--duration", "0s", "--interval", "200ms");
            assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCodes.OK);
            assertThat(text.out()).contains("Flink job 'watched'").contains("Count per key")
                    .contains("max back pressure").contains("Checkpoints: ").contains("start delay")
                    .contains("Restarts: 0");

            // The default scheduler: no rescale in place, and the command says which scheduler could.
            Cli.Result refused = Cli.run("watch", url, "--duration", "0s", "--interval", "200ms",
                    "--rescale", "Count per key=4");
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(refused.err()).contains("--rescale: ").contains("cannot rescale a running job")
                    .contains("Flink's adaptive scheduler (jobmanager.scheduler: adaptive) can");
            Cli.Result unknown = Cli.run("watch", url, "--duration", "0s", "--rescale", "Nope=4");
            assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(unknown.err()).contains("no vertex 'Nope' in the job").contains("Count per key");
            run.cancel();
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("flink-long") // a cluster of its own: `-Pflink-long` runs it
    void rescaleInPlaceOnAnAdaptiveCluster_theSummaryShowsTheNewParallelism() throws Exception {
        PipelineSpec pipeline = new PipelineSpec(1, "rescaled", List.of(
                new OperatorSpec("numbers", "Numbers", "sequence-source", 1, 128,
                        Map.of("count", 0, "keys", 50, "ratePerSecond", 500)),
                new OperatorSpec("count", "Count per key", "keyed-count", 2, 128, Map.of()),
                new OperatorSpec("output", "Output", "discard-sink", 1, 128, Map.of())),
                List.of(new EdgeSpec("numbers", "count", Partitioning.HASH),
                        new EdgeSpec("count", "output", Partitioning.REBALANCE)), Map.of(), true);
        JobConfig config = JobConfig.of(pipeline)
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(200)));
        try (EmbeddedFlinkCluster cluster = EmbeddedFlinkCluster.start(Map.of("jobmanager.scheduler", "adaptive",
                "jobmanager.adaptive-scheduler.executing.cooldown-after-rescaling", "0 ms"), 4);
             FlinkRun run = FlinkRun.submit(cluster, config)) {
            assertThat(run.awaitRunning(Duration.ofSeconds(60))).isTrue();

            Cli.Result r = Cli.run("watch", cluster.restAddress().toString(), "--rescale", "Count per key=3",
                    "--duration", "8s", "--interval", "200ms", "--json");

            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
            assertThat(r.err()).contains("rescale in place requested: {Count per key=3}");
            JsonArray vertices = Cli.onlyJsonObject(r.out()).getAsJsonObject("flink").getAsJsonArray("vertices");
            assertThat(vertices.get(1).getAsJsonObject().get("parallelism").getAsInt()).isEqualTo(3);
            run.cancel();
        }
    }

    @Test
    void anAddressWhereNothingAnswersExits2NamingIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Cli.Result r = Cli.run("watch", "http://127.0.0.1:" + port);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no answer from http://127.0.0.1:" + port);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aServerThatIsNotFlinkExits2() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            Cli.Result r = Cli.run("watch", url);
            assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains(url + " answers, but not as Flink's REST API");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void notAnAddressExits2() {
        Cli.Result r = Cli.run("watch", "localhost:8081");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("'localhost:8081' is not a Flink REST address");
    }
}
