package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.checkpointlab.flink.rest.FlinkClusterConnector;
import org.checkpointlab.flink.rest.FlinkRestApi;
import org.checkpointlab.flink.rest.FlinkRestException;
import org.checkpointlab.flink.rest.RestJobClient;
import org.checkpointlab.flink.submit.SubmittedPipelineJobClient;
import org.checkpointlab.flink.submit.WebSubmission;
import org.checkpointlab.flink.submit.WebSubmissionLauncher;
import org.checkpointlab.model.client.ClusterException;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.PipelineSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code checkpoint-lab submit URL PIPELINE.json [--parallelism OP=N] [--records N] [--from-savepoint DIR
 * [--allow-non-restored-state]]}: runs a pipeline on a Flink cluster with web submission as the job jar
 * ({@link WebSubmissionLauncher}: {@code /jars/upload}, {@code /jars/:jarid/run}) and prints the job's id. The job
 * runs on; the desktop app's File &gt; Connect to Flink shows it in its pipeline's terms and restores it from a
 * savepoint at new parallelism.
 */
@Command(name = "submit", sortOptions = false,
        description = "Run a pipeline on an Apache Flink cluster with web submission (its /jars endpoints) as "
                + "Checkpoint Lab's job jar, from a savepoint if given, and print the job's id. The job runs on.")
final class SubmitCommand implements Callable<Integer> {
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "The cluster's REST address, e.g. http://localhost:8081.")
    private String url;

    @Parameters(index = "1", paramLabel = "PIPELINE.json", description = "The pipeline file.")
    private Path file;

    @Option(names = "--parallelism", paramLabel = "OP=N", description = "Parallelism of operator OP (repeatable).")
    private Map<String, Integer> parallelism = new LinkedHashMap<>();

    @Option(names = "--records", paramLabel = "N",
            description = "Records per source, overriding the sources' count (0 = unbounded).")
    private Long records;

    @Option(names = "--from-savepoint", paramLabel = "DIR",
            description = "Start from this Flink savepoint (a path on the cluster's file system).")
    private String savepoint;

    @Option(names = "--allow-non-restored-state",
            description = "With --from-savepoint: skip the state of operators no longer in the pipeline.")
    private boolean allowNonRestoredState;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName();
        PipelineSpec pipeline;
        URI address;
        try {
            pipeline = PipelineLoader.validating().load(file);
            address = FlinkClusterConnector.url(url);
        } catch (PipelineException e) {
            e.problems().forEach(p -> err.println(name + ": " + p));
            return ExitCodes.BAD_INPUT;
        } catch (ClusterException e) {
            err.println(name + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        FlinkRestApi api = new FlinkRestApi(address, HTTP_TIMEOUT);
        try {
            java.util.Optional<String> refusal = WebSubmission.refusal(api, api.getObject("/config"));
            if (refusal.isPresent()) {
                err.println(name + ": " + refusal.get());
                return ExitCodes.BAD_INPUT;
            }
        } catch (FlinkRestException e) {
            err.println(name + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        JobConfig config = JobConfig.of(pipeline).withCheckpointOptions(pipeline.checkpointing().options())
                .withParallelism(parallelism).withRecords(records)
                .withRestore(savepoint == null ? null : new SavepointRestore(Path.of(savepoint),
                        allowNonRestoredState));
        try (JobClient job = new WebSubmissionLauncher(address, null, RestJobClient.DEFAULT_INTERVAL).start(config)) {
            out.println("submitted '" + pipeline.name() + "' to " + api.address() + " as Flink job "
                    + ((SubmittedPipelineJobClient) job).jobId());
            return ExitCodes.OK;
        } catch (PipelineException e) {
            e.problems().forEach(p -> err.println(name + ": " + p));
            return ExitCodes.JOB_FAILED;
        }
    }
}
