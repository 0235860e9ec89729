package org.checkpointlab.flink.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.checkpointlab.flink.EmbeddedFlinkCluster;
import org.checkpointlab.flink.rest.FlinkClusterConnector;
import org.checkpointlab.flink.rest.FlinkRestApi;
import org.checkpointlab.model.Await;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.client.ClusterConnection;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.savepoint.Savepoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar on a real Flink cluster with web submission: a MiniCluster with flink-runtime-web on its class path
 * (a test dependency of this module), which serves {@code /jars} as a standalone cluster does. The word-count
 * sample goes up as the job jar through {@code /jars/upload} and {@code /jars/:id/run}; the app connects, sees the
 * job in its pipeline's terms (read back from the job's global job parameters), stops it with a savepoint through
 * REST, and restores it from there at new parallelism through the connection's resubmission (which a cluster
 * without web submission does not offer): the new job's vertices have the new parallelism, Flink reports the
 * savepoint as restored, and the counts per word go on from the savepoint's (every count of every word committed
 * exactly once over both jobs). A savepoint the cluster cannot read is refused naming the cluster and the savepoint.
 */
class JobJarOnFlinkTest {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path shared;
    private static EmbeddedFlinkCluster cluster;

    @TempDir
    Path dir;
    private final List<JobClient> toClose = new ArrayList<>();

    @BeforeAll
    static void startClusterWithWebSubmission() throws Exception {
        // Several watchers poll the job at once here: with the embedded cluster's execution-graph cache timeout of
        // 0 ms, Flink 2.3.0 cancels a request's cached graph under another one (HTTP 500, CancellationException).
        cluster = EmbeddedFlinkCluster.start(Map.of("web.upload.dir", shared.resolve("uploads").toString(),
                "rest.cache.execution-graph.timeout", "100 ms"), 4);
        // A cluster just started answers 503 until its dispatcher won the leader election.
        String address = cluster.restAddress().toString();
        Await.until(() -> {
            try {
                return rest(address, "/config").has("flink-version");
            } catch (Exception e) {
                return false;
            }
        }, WAIT, "the REST API of the cluster with web submission");
    }

    @AfterAll
    static void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Watchers leave their jobs running: cancel them, so that no job writes into the test's directory after it. */
    @AfterEach
    void stopJobs() {
        String address = cluster.restAddress().toString();
        for (JobClient c : toClose) {
            String id = ((SubmittedPipelineJobClient) c).jobId();
            c.cancel();
            c.close();
            Await.until(() -> state(address, id), s -> s == null || List.of("CANCELED", "FINISHED", "FAILED")
                    .contains(s), WAIT, "job " + id + " ended");
        }
    }

    @Test
    void runsThePipelineAsJobJarAndRestoresItFromItsSavepointAtNewParallelism() throws Exception {
        Path out = dir.resolve("out");
        String address = cluster.restAddress().toString();
        ClusterConnection connection = connect(address);
        assertThat(connection.acceptsJobSubmission()).isTrue();

        // Submit through /jars: upload the job jar, run it with the pipeline as program arguments.
        long assemblyStarted = System.nanoTime();
        Path jar = JobJar.shared();
        long submitStarted = System.nanoTime();
        JobClient started = track(new WebSubmissionLauncher(URI.create(address), null, POLL)
                .start(wordCount(out)));
        System.out.printf("job jar: %d bytes, assembled in %d ms; upload + run + initialization %d ms%n",
                Files.size(jar), TimeUnit.NANOSECONDS.toMillis(submitStarted - assemblyStarted),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - submitStarted));
        String jobId = ((SubmittedPipelineJobClient) started).jobId();
        assertThat(started.awaitRunning(WAIT)).isTrue();

        // Connected as to any cluster: the job carries its pipeline, so it opens in the pipeline's terms.
        JobClient watched = track(connection.open(jobId));
        assertThat(watched).isInstanceOf(SubmittedPipelineJobClient.class);
        assertThat(watched.pipeline().operators()).extracting(OperatorSpec::id, OperatorSpec::parallelism)
                .containsExactly(tuple("sentences", 2), tuple("split", 2), tuple("count", 2), tuple("output", 2));
        assertThat(watched.awaitRunning(WAIT)).isTrue();
        Await.until(() -> partFiles(out).size() >= 2, WAIT, "committed output of the first job");
        Optional<JobLauncher> resubmission = connection.resubmission(watched);
        assertThat(resubmission).isPresent();

        // The same job through a connection to a cluster that takes no jars (its /config says web-submit false, and
        // it serves no /jars): no restore.
        HttpServer noJars = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        noJars.createContext("/v1/config", exchange -> {
            byte[] body = ("{\"flink-version\":\"2.3.0\",\"refresh-interval\":3000,"
                    + "\"features\":{\"web-submit\":false}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        noJars.start();
        try {
            ClusterConnection without = connect("http://127.0.0.1:" + noJars.getAddress().getPort());
            assertThat(without.acceptsJobSubmission()).isFalse();
            assertThat(without.resubmission(watched)).isEmpty();
        } finally {
            noJars.stop(0);
        }

        // Stop with a savepoint through REST; the restore dialog reads it with the pipeline's operator ids.
        SavepointResult savepoint = watched.stopWithSavepoint(dir.resolve("savepoints"), false)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(watched.awaitTermination(WAIT)).isTrue();
        Savepoint read = watched.readSavepoint(savepoint.path());
        assertThat(read.metadata().operators()).extracting(o -> o.id()).contains("count");
        Map<String, Long> countsAtSavepoint = lastCounts(out);

        // Restore at count=3 (and its chained sink) through the connection's resubmission, as the restore dialog does.
        JobConfig restore = watched.config().withCheckpointOptions(watched.checkpointOptions())
                .withRestore(new SavepointRestore(savepoint.path(), false)).withParallelism(Map.of("count", 3, "output", 3));
        long restoreStarted = System.nanoTime();
        JobClient restored = track(resubmission.get().start(restore));
        System.out.printf("restore through /jars/:id/run (jar uploaded before): %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restoreStarted));
        assertThat(restored.awaitRunning(WAIT)).isTrue();
        String restoredId = ((SubmittedPipelineJobClient) restored).jobId();
        assertThat(restoredId).isNotEqualTo(jobId);

        // Flink's view: the count vertex runs 3 subtasks, and the job was restored from the savepoint.
        Map<String, Integer> vertices = new HashMap<>();
        for (JsonElement v : rest(address, "/jobs/" + restoredId).getAsJsonArray("vertices")) {
            vertices.put(v.getAsJsonObject().get("name").getAsString(),
                    v.getAsJsonObject().get("parallelism").getAsInt());
        }
        assertThat(vertices.entrySet()).anySatisfy(e -> {
            assertThat(e.getKey()).contains("Count per word");
            assertThat(e.getValue()).isEqualTo(3);
        });
        JsonObject latestRestored = Await.until(() -> restoredEntry(address, restoredId), r -> r != null, WAIT,
                "latest.restored of the restored job");
        assertThat(latestRestored.get("id").getAsLong()).isEqualTo(savepoint.checkpointId());
        assertThat(restored.snapshot().subtasks().stream().filter(s -> s.operatorIds().contains("count")))
                .extracting(SubtaskSnapshot::subtaskIndex).containsExactlyInAnyOrder(0, 1, 2);

        // Keyed state restored: once the new job committed, every word's counts run 1..n with none twice, and
        // some word counted past its count at the savepoint.
        Await.until(() -> grewPast(lastCounts(out), countsAtSavepoint), WAIT, "counts past the savepoint's");
        // Cancelled and closed at once, as a restore replaces a job: the cancel still reaches the cluster.
        restored.cancel();
        restored.close();
        Await.until(() -> state(address, restoredId), "CANCELED"::equals, WAIT, "the restored job cancelled");
        assertEveryCountCommittedOnce(out);
    }

    @Test
    void aSavepointTheClusterCannotReadIsRefusedNamingClusterAndSavepoint() throws Exception {
        String address = cluster.restAddress().toString();
        Path missing = dir.resolve("no-such-savepoint");
        JobConfig config = wordCount(dir.resolve("out")).withRestore(new SavepointRestore(missing, false));
        JobLauncher launcher = new WebSubmissionLauncher(URI.create(address), null, POLL);
        assertThatThrownBy(() -> track(launcher.start(config)))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("Flink at " + address)
                .hasMessageContaining("from savepoint " + missing);
    }

    private static ClusterConnection connect(String address) throws Exception {
        return new WebSubmissionConnector(new FlinkClusterConnector(POLL), POLL).connect(address);
    }

    private static JobConfig wordCount(Path out) throws Exception {
        PipelineSpec sample = PipelineLoader.validating().load(Path.of("..", "samples", "word-count.json"));
        List<OperatorSpec> ops = new ArrayList<>();
        for (OperatorSpec op : sample.operators()) {
            ops.add(op.id().equals("output") ? op.withParams(Map.of("path", out.toString())) : op);
        }
        return JobConfig.of(sample.withOperators(ops))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(300)));
    }

    private <T extends JobClient> T track(T c) {
        toClose.add(c);
        return c;
    }

    private static JsonObject rest(String address, String path) throws Exception {
        return new FlinkRestApi(URI.create(address), Duration.ofSeconds(10)).getObject(path);
    }

    private static String state(String address, String jobId) {
        try {
            return rest(address, "/jobs/" + jobId).get("state").getAsString();
        } catch (Exception e) {
            return null;
        }
    }

    private static JsonObject restoredEntry(String address, String jobId) {
        try {
            JsonObject latest = rest(address, "/jobs/" + jobId + "/checkpoints").getAsJsonObject("latest");
            JsonElement restored = latest == null ? null : latest.get("restored");
            return restored != null && restored.isJsonObject() ? restored.getAsJsonObject() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static List<Path> partFiles(Path out) {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-") && f.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Every committed (word, count) pair, by word. */
    private static Map<String, List<Long>> committed(Path out) {
        Map<String, List<Long>> counts = new TreeMap<>();
        for (Path f : partFiles(out)) {
            try {
                for (String line : Files.readAllLines(f)) {
                    int comma = line.lastIndexOf(',');
                    counts.computeIfAbsent(line.substring(0, comma), k -> new ArrayList<>())
                            .add(Long.parseLong(line.substring(comma + 1)));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return counts;
    }

    private static Map<String, Long> lastCounts(Path out) {
        Map<String, Long> last = new TreeMap<>();
        committed(out).forEach((word, counts) -> last.put(word, counts.stream().mapToLong(Long::longValue).max()
                .orElse(0)));
        return last;
    }

    private static boolean grewPast(Map<String, Long> now, Map<String, Long> before) {
        return before.entrySet().stream().anyMatch(e -> now.getOrDefault(e.getKey(), 0L) > e.getValue());
    }

    private static void assertEveryCountCommittedOnce(Path out) {
        committed(out).forEach((word, counts) -> {
            TreeSet<Long> distinct = new TreeSet<>(counts);
            assertThat(counts).as("counts of '%s' committed once each", word).hasSameSizeAs(distinct);
            assertThat(distinct.first()).as("first count of '%s'", word).isEqualTo(1);
            assertThat(distinct.last()).as("counts of '%s' without gaps", word).isEqualTo(distinct.size());
        });
    }
}
