package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.checkpointlab.flink.EmbeddedFlinkCluster;
import org.checkpointlab.flink.FlinkChaos;
import org.checkpointlab.flink.FlinkOptions;
import org.checkpointlab.flink.FlinkRefusal;
import org.checkpointlab.flink.FlinkRun;
import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * {@code run --engine flink}: the same run on Apache Flink, in an embedded MiniCluster started for the command (REST
 * on 127.0.0.1, random port) and closed at its end, whatever happens. The same flags make the same
 * {@link JobConfig}; those Flink has no equivalent for are refused by name (exit 2) before the cluster starts. The
 * summary and the delivery check are the local engine's.
 */
final class FlinkRunner {
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);
    private static final Duration SAVEPOINT_WAIT = Duration.ofSeconds(60);
    /** How long the command waits for Flink to deploy the tasks before the run's times start counting anyway. */
    private static final Duration RUNNING_WAIT = Duration.ofSeconds(60);

    private final RunFlags flags;
    private final CommandOutput command;
    private final PrintWriter out;
    private final PrintWriter err;

    FlinkRunner(RunFlags flags, CommandOutput command) {
        this.flags = flags;
        this.command = command;
        this.out = command.out();
        this.err = command.err();
    }

    int run(Path file, boolean json) throws InterruptedException {
        JobConfig config;
        FlinkOptions options;
        try {
            PipelineSpec pipeline = PipelineLoader.validating().load(file);
            config = flags.toJobConfig(file, pipeline);
            options = FlinkOptions.of(config);
        } catch (BadInputException e) {
            return badInput(e.problems());
        } catch (PipelineException e) {
            return badInput(e.problems());
        } catch (FlinkRefusal e) {
            return badInput(e.problems());
        }
        flags.warnings().forEach(err::println);
        int slots = slotsFor(config);
        err.println("starting an embedded Apache Flink cluster...");
        err.flush();
        try (EmbeddedFlinkCluster cluster = EmbeddedFlinkCluster.start(options.cluster(), slots)) {
            err.println("Flink REST API: " + cluster.restAddress());
            err.flush();
            long startMillis = System.currentTimeMillis();
            try (FlinkRun run = FlinkRun.submit(cluster, config)) {
                return runToTheEnd(run, config, startMillis, json);
            }
        } catch (FlinkRefusal e) {
            return badInput(e.problems());
        }
    }

    /** Task slots for the embedded cluster: at least the default, and the highest parallelism of the run. */
    static int slotsFor(JobConfig config) {
        return Math.max(EmbeddedFlinkCluster.DEFAULT_SLOTS, config.pipeline().operators().stream()
                .mapToInt(op -> config.parallelism().getOrDefault(op.id(), op.parallelism())).max().orElse(1));
    }

    private int runToTheEnd(FlinkRun run, JobConfig config, long startMillis, boolean json)
            throws InterruptedException {
        Thread cancelOnExit = new Thread(run::cancel, "cancel-flink-job-on-exit");
        Runtime.getRuntime().addShutdownHook(cancelOnExit);
        boolean stopped = false;
        FlinkProgress progress = new FlinkProgress(run, err, ProgressReporter.stderrIsTerminal());
        FlinkSavepoints savepoints = new FlinkSavepoints(run, flags.savepoints, err);
        progress.start();
        try {
            run.awaitRunning(RUNNING_WAIT);
            savepoints.start();
            startChaos(run);
            Duration stopAt = flags.savepoints.stopAt;
            Duration limit = stopAt != null ? stopAt : flags.duration;
            boolean ended = limit != null ? run.awaitTermination(limit) : awaitForever(run);
            if (!ended && stopAt != null) {
                stopped = savepoints.stop(SAVEPOINT_WAIT);
            } else if (!ended) {
                run.cancel();
                if (!run.awaitTermination(CANCEL_WAIT)) {
                    err.println("warning: the Flink job did not stop within " + CANCEL_WAIT.toSeconds()
                            + " s of cancelling");
                }
            }
        } finally {
            savepoints.finish(SAVEPOINT_WAIT);
            progress.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnExit);
            } catch (IllegalStateException e) {
                // The JVM is shutting down: the hook cancels the job.
            }
        }
        JobSummary summary = SummaryText.withSinksInPipelineOrder(run.summary(), run.pipeline());
        RunReport report = report(run, config, summary, startMillis, stopped, savepoints.written(summary));
        if (json) {
            out.println(SummaryJson.toJson(report));
        } else {
            SummaryText.print(run.pipeline().name() + " (Apache Flink, embedded)", report, out);
        }
        out.flush();
        return ExitCodes.ofRun(summary, command.name(), err);
    }

    private void startChaos(FlinkRun run) {
        Integer n = flags.faults.chaos;
        if (n != null) {
            FlinkChaos.start(run, n, flags.faults.seedOrDefault()).thenAccept(injected -> {
                synchronized (err) {
                    err.println("chaos: " + injected + " of " + n + " failures injected"
                            + (injected < n ? " (the job ended before the others were due)" : ""));
                    err.flush();
                }
            });
        }
    }

    private static boolean awaitForever(FlinkRun run) throws InterruptedException {
        while (!run.awaitTermination(Duration.ofHours(1))) {
            // keep waiting: the job ends by itself or with Ctrl-C
        }
        return true;
    }

    /** The end-of-run report, with the delivery check when the job FINISHED or FAILED, as for the local engine. */
    private RunReport report(FlinkRun run, JobConfig config, JobSummary summary, long startMillis, boolean stopped,
                             List<SavepointResult> savepoints) throws InterruptedException {
        List<DeliveryCheck.SinkDelivery> delivery = null;
        String notChecked = null;
        if (flags.noDeliveryCheck) {
            notChecked = "--no-delivery-check";
        } else if (stopped) {
            delivery = DeliveryCheck.notComputable(config, run.sinkOutputs(),
                    "the job was stopped with a savepoint before the end of its input");
        } else if (summary.status() != JobStatus.FINISHED && summary.status() != JobStatus.FAILED) {
            notChecked = "the job ended " + summary.status() + " before the end of its input";
        } else {
            if (DeliveryCheck.notComputableBecause(config).isEmpty()) {
                err.println("checking delivery: running the pipeline on the local engine without failures or "
                        + "checkpoints...");
                err.flush();
            }
            delivery = DeliveryCheck.check(config, run.sinkOutputs());
        }
        return new RunReport(summary, startMillis, List.of(), List.of(), savepoints, delivery, notChecked);
    }

    private int badInput(List<String> problems) {
        return command.badInput(problems);
    }
}
