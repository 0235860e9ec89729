package org.checkpointlab.app;

import java.io.PrintWriter;

import org.checkpointlab.app.cli.CheckpointLabCommand;

import picocli.CommandLine;

/**
 * Entry point of the {@code ./checkpoint-lab} launcher: parses the command line with picocli and exits with the
 * command's exit code (0 done, 1 the job failed, 2 bad input; see {@link org.checkpointlab.app.cli.ExitCodes}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine commandLine = CheckpointLabCommand.newCommandLine(new PrintWriter(System.out, true),
                new PrintWriter(System.err, true));
        System.exit(commandLine.execute(args));
    }

    /**
     * Runs one command line in this JVM, writing to {@code out} and {@code err} instead of the console (the tests
     * call this).
     *
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        int code = CheckpointLabCommand.newCommandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
