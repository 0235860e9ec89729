package org.checkpointlab.views.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.views.i18n.Texts;

/**
 * One change a running job cannot take live (another parallelism, state backend or restart strategy), done as
 * Flink requires, through a savepoint. A one-shot operation: {@link #run} blocks, so it runs on a background thread.
 *
 * @param running  the job to stop
 * @param target   the new, not yet existing savepoint directory
 * @param wanted   the configuration to start from the savepoint
 * @param previous the running job's configuration, started from the savepoint if the engine refuses {@code wanted}
 */
record Redeployment(JobClient running, Path target, JobConfig wanted, JobConfig previous) {
    static final long SAVEPOINT_TIMEOUT_SECONDS = 120;

    /**
     * What happened: the savepoint taken, the job now running, and why {@code wanted} was refused ({@code null}
     * when it runs).
     */
    record Outcome(SavepointResult savepoint, JobClient job, List<String> refused) {
        boolean applied() {
            return refused == null;
        }
    }

    /**
     * Runs the steps in order.
     *
     * @throws PipelineException when neither configuration could start (the state is in the savepoint, which the
     *                           problems name), or the savepoint failed (the job then keeps running)
     */
    Outcome run(JobLauncher launcher) throws Exception {
        // Step (1): stop with a savepoint; sinks commit, the job ends FINISHED. If this fails, the job runs on.
        SavepointResult savepoint = running.stopWithSavepoint(target).get(SAVEPOINT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        SavepointRestore from = new SavepointRestore(savepoint.path(), false);
        try {
            // Step (2): start the wanted configuration from the savepoint.
            return new Outcome(savepoint, launcher.start(wanted.withRestore(from)), null);
        } catch (PipelineException refused) {
            try {
                // Step (3), only when step 2 was refused: the previous configuration, so no state is lost.
                return new Outcome(savepoint, launcher.start(previous.withRestore(from)), Problems.of(refused));
            } catch (PipelineException again) {
                List<String> problems = new ArrayList<>();
                problems.add(Texts.format("redeploy.notStarted", savepoint.path()));
                problems.addAll(Problems.of(refused));
                problems.addAll(Problems.of(again));
                throw new PipelineException(problems);
            }
        }
    }
}
