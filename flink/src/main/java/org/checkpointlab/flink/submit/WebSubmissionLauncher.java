package org.checkpointlab.flink.submit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.checkpointlab.flink.FlinkRefusal;
import org.checkpointlab.flink.rest.FlinkRestApi;
import org.checkpointlab.flink.rest.FlinkRestException;
import org.checkpointlab.flink.rest.RestJobClient;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.PipelineException;

/**
 * Starts pipelines on a Flink cluster with web submission: uploads the job jar ({@link JobJar}) once, then runs it
 * ({@code POST /jars/:jarid/run}) with the pipeline as program arguments, from the savepoint the configuration
 * restores (at the parallelism it gives each operator), and hands back the new job watched in its pipeline's
 * terms once Flink initialized it (restored the savepoint) or with Flink's reason when it could not. A launcher
 * made for a watched job keeps that job's restart strategy and buffer timeout, which a restore does not change.
 *
 * <p>Thread-safe; {@link #start} blocks on the network: call it off the UI thread.
 */
public final class WebSubmissionLauncher implements JobLauncher {
    /** The Flink keys a restore keeps from the job it restores (the restore dialog does not set them). */
    private static final Predicate<String> KEPT = key -> key.startsWith("restart-strategy.")
            || key.equals("execution.buffer-timeout.interval");
    /** How long Flink may take to run the jar and initialize the job (restore its savepoint). */
    static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(2);

    private final URI url;
    private final WebSubmission submission;
    private final JarProgram earlier;
    private final Duration interval;
    private final Object uploadLock = new Object();
    private String jarId;

    /**
     * @param url      the cluster's REST address
     * @param earlier  the program of the job being restored (its restart strategy and buffer timeout are kept), or
     *                 null
     * @param interval how often a started job is polled
     */
    public WebSubmissionLauncher(URI url, JarProgram earlier, Duration interval) {
        this.url = url;
        this.submission = new WebSubmission(new FlinkRestApi(url, SUBMIT_TIMEOUT));
        this.earlier = earlier;
        this.interval = interval;
    }

    /**
     * Runs {@code config}'s pipeline on the cluster, from its restore's savepoint if any.
     *
     * @throws PipelineException naming the cluster (and the savepoint) with Flink's reason when the cluster did not
     *                           start it; nothing runs then
     */
    @Override
    public JobClient start(JobConfig config) throws PipelineException {
        JarProgram program;
        try {
            program = JarProgram.of(config);
        } catch (FlinkRefusal e) {
            throw new PipelineException(e.problems());
        }
        if (earlier != null) {
            program = program.keeping(earlier, KEPT);
        }
        Path savepoint = config.restore() == null ? null : config.restore().path();
        try {
            String jobId = run(program, savepoint, config.restore() != null
                    && config.restore().allowNonRestoredState());
            RestJobClient rest = attach(jobId);
            requireInitialized(rest, program, savepoint);
            return SubmittedPipelineJobClient.of(rest, program);
        } catch (IOException e) {
            throw refused(program, savepoint, reason(e));
        } catch (FlinkRefusal e) {
            throw new PipelineException(e.problems());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(program, savepoint, "interrupted");
        }
    }

    /**
     * Watches the new job; Flink may answer a job's first requests with HTTP 500 while it deploys it, so those are
     * tried again for a while.
     */
    private RestJobClient attach(String jobId) throws FlinkRestException, InterruptedException {
        long deadline = System.nanoTime() + SUBMIT_TIMEOUT.toNanos();
        while (true) {
            try {
                return RestJobClient.attach(url, jobId, interval);
            } catch (FlinkRestException e) {
                if (e.httpStatus() < 500 || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Runs the jar, uploading it first (again if the cluster no longer has it). */
    private String run(JarProgram program, Path savepoint, boolean allowNonRestoredState)
            throws IOException, InterruptedException {
        String savepointPath = savepoint == null ? null : savepoint.toString();
        try {
            return submission.run(jarId(false), JobJar.ENTRY_CLASS, program.args(), savepointPath,
                    allowNonRestoredState);
        } catch (FlinkRestException e) {
            if (!e.notFound()) {
                throw e;
            }
            return submission.run(jarId(true), JobJar.ENTRY_CLASS, program.args(), savepointPath,
                    allowNonRestoredState);
        }
    }

    private String jarId(boolean uploadAgain) throws IOException, InterruptedException {
        synchronized (uploadLock) {
            if (jarId == null || uploadAgain) {
                jarId = submission.upload(JobJar.shared());
            }
            return jarId;
        }
    }

    /** Waits until Flink initialized the job; one that failed there (a savepoint it cannot restore) is refused. */
    private void requireInitialized(RestJobClient rest, JarProgram program, Path savepoint)
            throws PipelineException, InterruptedException {
        if (rest.status() == JobStatus.CREATED) {
            rest.awaitObservation(o -> o.snapshot().status() != JobStatus.CREATED, SUBMIT_TIMEOUT);
        }
        if (rest.status() == JobStatus.FAILED) {
            List<FailureEvent> failures = rest.snapshot().failures();
            String reason = failures.isEmpty() ? "the job failed as it started"
                    : failures.get(failures.size() - 1).message();
            rest.close();
            throw refused(program, savepoint, reason);
        }
    }

    private PipelineException refused(JarProgram program, Path savepoint, String reason) {
        return new PipelineException("Flink at " + submission.address() + " did not start '"
                + program.pipeline().name() + "'" + (savepoint == null ? "" : " from savepoint " + savepoint) + ": "
                + reason);
    }

    /** Flink's deepest cause when it sent its stack trace ({@code {"errors":[...]}}), else the message. */
    static String reason(IOException e) {
        if (e instanceof FlinkRestException rest && !rest.flinkError().isBlank()) {
            String cause = null;
            for (String line : errorText(rest.flinkError()).split("\\R")) {
                String trimmed = line.trim();
                if (trimmed.startsWith("Caused by: ")) {
                    cause = trimmed.substring("Caused by: ".length());
                }
            }
            if (cause != null) {
                return cause.length() <= 300 ? cause : cause.substring(0, 297) + "...";
            }
        }
        return e.getMessage();
    }

    private static String errorText(String body) {
        try {
            StringBuilder text = new StringBuilder();
            for (com.google.gson.JsonElement error : com.google.gson.JsonParser.parseString(body).getAsJsonObject()
                    .getAsJsonArray("errors")) {
                text.append(error.getAsString()).append('\n');
            }
            return text.toString();
        } catch (RuntimeException notFlinkErrors) {
            return body;
        }
    }
}
