package org.checkpointlab.app.cli;

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
}
