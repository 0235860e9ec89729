package org.checkpointlab.app.cli;

import java.io.PrintWriter;

import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.job.JobSummary;

/** The exit codes of every command; scripts rely on them. */
public final class ExitCodes {
    /** The command did its work: the job FINISHED, or was CANCELED by {@code --duration}; the pipeline is valid. */
    public static final int OK = 0;
    /** The job FAILED (the cause is on stderr), or a benchmark job failed. */
    public static final int JOB_FAILED = 1;
    /** Bad input: a bad flag value, an unreadable or invalid pipeline file, invalid checkpoint options. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }

    /** {@link #JOB_FAILED} (saying why on {@code err}) when the job failed, else {@link #OK}. */
    static int ofRun(JobSummary summary, String command, PrintWriter err) {
        if (summary.status() == JobStatus.FAILED) {
            err.println(command + ": the job failed: " + summary.failureCause());
            err.flush();
            return JOB_FAILED;
        }
        return OK;
    }
}
