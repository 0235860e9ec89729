package org.checkpointlab.flink.submit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.configuration.Configuration;
import org.checkpointlab.flink.FlinkRefusal;
import org.checkpointlab.flink.PipelineTranslator;
import org.checkpointlab.flink.VertexOperators;
import org.checkpointlab.flink.embedded.FlinkSavepointMetadata;
import org.checkpointlab.flink.embedded.OperatorIdMapping;
import org.checkpointlab.flink.operators.FailurePlan;
import org.checkpointlab.flink.rest.FlinkRestApi;
import org.checkpointlab.flink.rest.FlinkRestException;
import org.checkpointlab.flink.rest.RestJobClient;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.savepoint.Savepoint;
import org.checkpointlab.model.savepoint.SavepointException;

/**
 * A job of any Flink cluster that the job jar started ({@link JobJarMain}): watched through its REST API as any
 * Flink job ({@link RestJobClient}), but shown in its pipeline's terms, since the job carries its program in its
 * global job parameters: the pipeline's operators instead of bare job vertices, its configuration, and its
 * savepoints read with the pipeline's operator ids (for the restore dialog's key-group table). Closing the client
 * stops watching; the job runs on.
 *
 * <p>Thread-safe.
 */
public final class SubmittedPipelineJobClient implements JobClient {
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(10);
    private final RestJobClient rest;
    private final JarProgram program;
    private final JobConfig config;
    private final OperatorIdMapping mapping;
    private final Object lock = new Object();
    private JobSnapshot mappedFrom;
    private JobSnapshot mapped;

    private SubmittedPipelineJobClient(RestJobClient rest, JarProgram program, VertexOperators vertices) {
        this.rest = rest;
        this.program = program;
        this.config = program.config();
        this.mapping = new OperatorIdMapping(vertices);
    }

    /**
     * {@code rest}'s job in its pipeline's terms when the job jar started it (its {@code /jobs/:jid/config} holds
     * the program), else empty. Blocks on the network.
     */
    public static Optional<SubmittedPipelineJobClient> of(RestJobClient rest, FlinkRestApi api)
            throws InterruptedException {
        Map<String, String> parameters = new LinkedHashMap<>();
        try {
            JsonObject answer = api.getObject("/jobs/" + rest.jobId() + "/config");
            JsonElement execution = answer.get("execution-config");
            JsonElement user = execution != null && execution.isJsonObject()
                    ? execution.getAsJsonObject().get("user-config") : null;
            if (user == null || !user.isJsonObject()) {
                return Optional.empty();
            }
            for (Map.Entry<String, JsonElement> e : user.getAsJsonObject().entrySet()) {
                if (e.getValue().isJsonPrimitive()) {
                    parameters.put(e.getKey(), e.getValue().getAsString());
                }
            }
            Optional<JarProgram> program = JarProgram.fromJobParameters(parameters, "job " + rest.jobId());
            if (program.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(of(rest, program.get()));
        } catch (FlinkRestException | PipelineException | FlinkRefusal e) {
            return Optional.empty(); // shown as a plain Flink job: its vertices, no restore
        }
    }

    /** {@code rest}'s job, which runs {@code program}. */
    static SubmittedPipelineJobClient of(RestJobClient rest, JarProgram program) throws FlinkRefusal {
        JobConfig config = program.config();
        PipelineTranslator translator = new PipelineTranslator(config, "vertex-ids", FailurePlan.none());
        VertexOperators vertices = VertexOperators.of(
                translator.translate(Configuration.fromMap(program.flinkOptions())).getJobGraph(),
                translator.pipeline());
        return new SubmittedPipelineJobClient(rest, program, vertices);
    }

    /** The program the job runs, to start it again. */
    public JarProgram program() {
        return program;
    }

    /** The Flink job id (32 hex digits). */
    public String jobId() {
        return rest.jobId();
    }

    /** The REST watcher underneath. */
    public RestJobClient rest() {
        return rest;
    }

    @Override
    public Set<Capability> capabilities() {
        return rest.capabilities();
    }

    @Override
    public JobConfig config() {
        return config;
    }

    @Override
    public PipelineSpec pipeline() {
        return program.pipeline();
    }

    @Override
    public JobStatus status() {
        return rest.status();
    }

    /** The latest poll, in the pipeline's operator ids (mapped once per poll). */
    @Override
    public JobSnapshot snapshot() {
        JobSnapshot polled = rest.snapshot();
        synchronized (lock) {
            if (polled != mappedFrom) {
                mapped = mapping.snapshot(polled);
                mappedFrom = polled;
            }
            return mapped;
        }
    }

    @Override
    public JobSummary summary() {
        return rest.summary();
    }

    @Override
    public CheckpointOptions checkpointOptions() {
        return rest.checkpointOptions();
    }

    @Override
    public CompletableFuture<CheckpointStats> triggerCheckpoint() {
        return rest.triggerCheckpoint().thenApply(mapping::checkpoint);
    }

    @Override
    public CompletableFuture<SavepointResult> triggerSavepoint(Path directory) {
        return rest.triggerSavepoint(directory);
    }

    @Override
    public CompletableFuture<SavepointResult> stopWithSavepoint(Path directory, boolean drain) {
        return rest.stopWithSavepoint(directory, drain);
    }

    @Override
    public List<SavepointResult> savepoints() {
        return rest.savepoints();
    }

    /** A Flink savepoint's metadata, its operators named by the pipeline. */
    @Override
    public Savepoint readSavepoint(Path directory) throws SavepointException {
        return FlinkSavepointMetadata.read(directory, config);
    }

    /**
     * {@code PATCH /jobs/:jid?mode=cancel} on a thread of its own, so that closing this client right after (as a
     * restore does with the job it replaced) does not drop it.
     */
    @Override
    public void cancel() {
        FlinkRestApi api = new FlinkRestApi(java.net.URI.create(rest.address()), CANCEL_TIMEOUT);
        Thread t = new Thread(() -> {
            try {
                api.patch("/jobs/" + rest.jobId() + "?mode=cancel");
            } catch (FlinkRestException e) {
                // As with Flink's own cancel button: the job is then still listed, RUNNING, on its cluster.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel flink job " + rest.jobId());
        t.setDaemon(true);
        t.start();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return rest.awaitTermination(timeout);
    }

    @Override
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return rest.awaitRunning(timeout);
    }

    /** Stops watching; the job runs on in its cluster. */
    @Override
    public void close() {
        rest.close();
    }

    @Override
    public String toString() {
        return "Flink job " + rest.jobId() + " (" + program.pipeline().name() + ") at " + rest.address();
    }
}
