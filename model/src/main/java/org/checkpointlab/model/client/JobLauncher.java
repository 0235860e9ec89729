package org.checkpointlab.model.client;

import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.PipelineException;

/**
 * Starts a job from a pipeline and its configuration and hands back its {@link JobClient} (as Flink's
 * {@code PipelineExecutor} does). Front ends are given a launcher; which engine runs the job is the composition
 * root's choice.
 */
@FunctionalInterface
public interface JobLauncher {

    /**
     * Validates the pipeline of {@code config} (and the savepoint it restores from, if any) and starts it.
     *
     * @throws PipelineException naming every problem; nothing was started then
     */
    JobClient start(JobConfig config) throws PipelineException;

    /** Jobs on this process's engine. */
    static JobLauncher local() {
        return LocalJobClient::start;
    }
}
