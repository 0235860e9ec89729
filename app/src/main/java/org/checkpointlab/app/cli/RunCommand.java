package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.PipelineSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code checkpoint-lab run PIPELINE.json [options]}: runs a pipeline headless until it finishes, fails, or
 * {@code --duration} is up, with a progress line on stderr and the failures, restarts and savepoints as they happen,
 * then checks the committed output against a failure-free run ({@link DeliveryCheck}) and prints a summary
 * (readable, or one JSON object with {@code --json}). Exit codes: {@link ExitCodes#OK} when FINISHED or cancelled by {@code --duration},
 * {@link ExitCodes#JOB_FAILED} when the job failed, {@link ExitCodes#BAD_INPUT} for bad flags or files.
 */
@Command(name = "run", sortOptions = false,
        description = "Run a pipeline headless and print a summary of records, checkpoints and sinks.")
final class RunCommand implements Callable<Integer> {
    /** How long a cancelled job may take to stop before the command gives up waiting. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);
    /** How long the command waits at the end for a savepoint being written. */
    private static final Duration SAVEPOINT_WAIT = Duration.ofSeconds(60);

    @Mixin
    private CommandOutput command;

    @Parameters(index = "0", paramLabel = "PIPELINE.json", description = "The pipeline file.")
    private Path file;

    @Mixin
    private RunFlags flags;

    @Option(names = "--json", description = "Print the summary as one JSON object on stdout (nothing else).")
    private boolean json;

    @Option(names = "--engine", paramLabel = "local|flink", defaultValue = "local",
            description = "Run on this project's engine (default) or on Apache Flink in an embedded MiniCluster.")
    private String engine;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = command.out();
        PrintWriter err = command.err();
        if ("flink".equals(engine)) {
            return new FlinkRunner(flags, command).run(file, json);
        }
        if (!"local".equals(engine)) {
            return command.badInput("--engine: unknown engine '" + engine + "' (expected local or flink)");
        }
        JobConfig config;
        Job job;
        long startMillis;
        try {
            PipelineSpec pipeline = load(file);
            config = flags.toJobConfig(file, pipeline);
            flags.warnings().forEach(err::println);
            err.flush();
            startMillis = System.currentTimeMillis();
            job = start(config);
        } catch (BadInputException e) {
            return command.badInput(e.problems());
        }
        ProgressReporter progress = new ProgressReporter(job, err, ProgressReporter.stderrIsTerminal());
        JobEventLog events = new JobEventLog(job, startMillis, progress::note);
        JobInterventions interventions = new JobInterventions(job, flags.faults, flags.savepoints, progress::note);
        events.start();
        interventions.start();
        JobSummary summary = runToTheEnd(job, progress, err);
        interventions.finish(SAVEPOINT_WAIT);
        events.stop();
        summary = SummaryText.withSinksInPipelineOrder(summary, job.pipeline());
        RunReport report = report(job, config, summary, startMillis, interventions.stoppedWithSavepoint(), err);
        if (json) {
            out.println(SummaryJson.toJson(report));
        } else {
            SummaryText.print(job.pipeline().name(), report, out);
        }
        out.flush();
        return ExitCodes.ofRun(summary, command.name(), err);
    }

    /** The end-of-run report, with the delivery check when the job FINISHED or FAILED and it was not turned off. */
    private RunReport report(Job job, JobConfig config, JobSummary summary, long startMillis,
                             boolean stoppedWithSavepoint, PrintWriter err) throws InterruptedException {
        List<DeliveryCheck.SinkDelivery> delivery = null;
        String notChecked = null;
        if (flags.noDeliveryCheck) {
            notChecked = "--no-delivery-check";
        } else if (summary.status() != JobStatus.FINISHED && summary.status() != JobStatus.FAILED) {
            // A FAILED job is checked too: what it committed shows what was lost (e.g. checkpointing off).
            notChecked = "the job ended " + summary.status() + " before the end of its input";
        } else if (stoppedWithSavepoint) {
            delivery = DeliveryCheck.notComputable(config, job.sinkOutputs(),
                    "the job was stopped with a savepoint before the end of its input");
        } else {
            if (DeliveryCheck.notComputableBecause(config).isEmpty()) {
                err.println("checking delivery: running the pipeline again without failures or checkpoints...");
                err.flush();
            }
            delivery = DeliveryCheck.check(config, job.sinkOutputs());
        }
        return new RunReport(summary, startMillis, job.failures(), job.restartEvents(), job.savepoints(), delivery,
                notChecked);
    }

    private static Job start(JobConfig config) throws BadInputException {
        try {
            return Job.start(config);
        } catch (PipelineException e) {
            throw new BadInputException(e.problems());
        } catch (IllegalArgumentException e) {
            // The engine refuses a configuration the flags' checks let through.
            throw new BadInputException(e.getMessage());
        }
    }

    /**
     * Waits until the job ends or {@code --duration} is up (then cancels it), reporting progress; Ctrl-C cancels
     * the job too.
     */
    private JobSummary runToTheEnd(Job job, ProgressReporter progress, PrintWriter err) throws InterruptedException {
        Thread cancelOnExit = new Thread(job::close, "cancel-job-on-exit");
        Runtime.getRuntime().addShutdownHook(cancelOnExit);
        progress.start();
        try {
            boolean ended;
            if (flags.duration != null) {
                ended = job.awaitTermination(flags.duration);
            } else {
                do {
                    ended = job.awaitTermination(Duration.ofHours(1));
                } while (!ended);
            }
            if (!ended) {
                job.cancel();
                if (!job.awaitTermination(CANCEL_WAIT)) {
                    err.println("warning: the job did not stop within " + CANCEL_WAIT.toSeconds() + " s of cancelling");
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            throw e;
        } finally {
            progress.stop();
            removeHook(cancelOnExit);
        }
        return job.summary();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and cancels the job.
        }
    }

    private static PipelineSpec load(Path file) throws BadInputException {
        try {
            return PipelineLoader.validating().load(file);
        } catch (PipelineException e) {
            throw new BadInputException(e);
        }
    }
}
