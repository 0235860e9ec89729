package org.checkpointlab.flink.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.checkpointlab.flink.EmbeddedFlinkCluster;
import org.checkpointlab.flink.FlinkRefusal;
import org.checkpointlab.flink.FlinkRun;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * An embedded Flink cluster run by the adaptive scheduler with no cooldown between rescales, and a job whose keyed
 * count runs at 2 of its {@value #SLOTS} slots: for the in-place rescale tests, and as a main (test sources) that
 * records the resource-requirements answers ({@code record DIR}) or keeps such a cluster and job running for
 * watching from the app ({@code serve PORT}); the commands are in {@code src/test/resources/flink-rest/README.md}.
 */
public final class AdaptiveFlink {
    /** Task slots of the cluster: the job takes 2 (its highest parallelism), so 2 are free. */
    public static final int SLOTS = 4;
    /** The keyed count's vertex name, as Flink's REST shows it. */
    public static final String COUNT = "Count per key";

    private AdaptiveFlink() {
    }

    /** Cluster settings of an adaptive cluster (plus {@code extra}). */
    static Map<String, String> adaptive(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("jobmanager.scheduler", "adaptive",
                // Flink 2.x's name for 1.x's jobmanager.adaptive-scheduler.scaling-interval.min (30 s by default).
                "jobmanager.adaptive-scheduler.executing.cooldown-after-rescaling", "0 ms"));
        settings.putAll(extra);
        return settings;
    }

    /** A source at 1, a keyed count at 2, a sink at 1, checkpointing every 300 ms. */
    static JobConfig job(long ratePerSecond) {
        PipelineSpec pipeline = new PipelineSpec(1, "rescalable", List.of(
                new OperatorSpec("numbers", "Numbers", "sequence-source", 1, 128,
                        Map.of("count", 0, "keys", 50, "ratePerSecond", ratePerSecond)),
                new OperatorSpec("count", COUNT, "keyed-count", 2, 128, Map.of()),
                new OperatorSpec("output", "Output", "discard-sink", 1, 128, Map.of())),
                List.of(new EdgeSpec("numbers", "count", Partitioning.HASH),
                        new EdgeSpec("count", "output", Partitioning.REBALANCE)),
                Map.of(), true);
        return JobConfig.of(pipeline)
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(300)));
    }

    static EmbeddedFlinkCluster start(Map<String, String> extra) throws FlinkRefusal {
        return EmbeddedFlinkCluster.start(adaptive(extra), SLOTS);
    }

    public static void main(String[] args) throws Exception {
        if ((args.length == 2 || args.length == 3) && args[0].equals("serve")) {
            serve(Integer.parseInt(args[1]), args.length == 2 || !args[2].equals("default"));
        } else if (args.length == 2 && args[0].equals("record")) {
            record(Path.of(args[1]));
        } else {
            System.err.println("usage: AdaptiveFlink record DIR | serve PORT [default]");
            System.exit(2);
        }
    }

    /**
     * Keeps an adaptive cluster (with {@code adaptive} false: one run by the default scheduler) with the job running
     * at {@code port} until the process is stopped.
     */
    private static void serve(int port, boolean adaptive) throws Exception {
        Map<String, String> rest = Map.of("rest.port", Integer.toString(port));
        EmbeddedFlinkCluster cluster = adaptive ? start(rest) : EmbeddedFlinkCluster.start(rest, SLOTS);
        FlinkRun run = FlinkRun.submit(cluster, job(200));
        run.awaitRunning(Duration.ofSeconds(60));
        System.out.println((adaptive ? "adaptive" : "default-scheduler") + " Flink at " + cluster.restAddress()
                + ", job " + run.jobId());
        new CountDownLatch(1).await();
    }

    /**
     * Writes {@code resource-requirements.json} (the adaptive scheduler's answer), {@code overview.json} and
     * {@code resource-requirements-default-scheduler.json} (the default scheduler's error answer) into {@code out}.
     */
    private static void record(Path out) throws Exception {
        Files.createDirectories(out);
        HttpClient http = HttpClient.newHttpClient();
        for (boolean adaptive : new boolean[] {true, false}) {
            EmbeddedFlinkCluster cluster = adaptive ? start(Map.of()) : EmbeddedFlinkCluster.start(Map.of(), SLOTS);
            try (FlinkRun run = FlinkRun.submit(cluster, job(500))) {
                run.awaitRunning(Duration.ofSeconds(60));
                String jid = run.jobId().toHexString();
                URI base = cluster.restAddress();
                if (adaptive) {
                    Files.writeString(out.resolve("resource-requirements.json"),
                            get(http, base, "/v1/jobs/" + jid + "/resource-requirements"));
                    Files.writeString(out.resolve("overview.json"), get(http, base, "/v1/overview"));
                } else {
                    Files.writeString(out.resolve("resource-requirements-default-scheduler.json"),
                            get(http, base, "/v1/jobs/" + jid + "/resource-requirements"));
                }
                run.cancel();
            } finally {
                cluster.close();
            }
        }
    }

    private static String get(HttpClient http, URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
