package org.checkpointlab.app.cli;

import java.io.PrintWriter;

/**
 * A progress line on stderr: on a terminal each {@link #show} overwrites the previous line ({@code \r}); otherwise
 * (a log file, a pipe) each is a line of its own. {@link #note} writes a line that stays, ending the progress line
 * first so the two never mix. Threading: any thread; writing is synchronized on this line.
 */
final class ProgressLine {
    private final PrintWriter err;
    private final boolean terminal;
    private int previousLength;

    ProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Shows {@code line} as the current progress. */
    synchronized void show(String line) {
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, previousLength - line.length())));
        } else {
            err.println(line);
        }
        previousLength = line.length();
        err.flush();
    }

    /** Writes one line of its own (e.g. a failure), on a terminal replacing the progress line until the next one. */
    synchronized void note(String line) {
        if (terminal && previousLength > 0) {
            err.print("\r" + line + " ".repeat(Math.max(0, previousLength - line.length())) + "\n");
            previousLength = 0;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** On a terminal, ends the overwritten line so that what follows starts on a new line. */
    synchronized void end() {
        if (terminal && previousLength > 0) {
            previousLength = 0;
            err.println();
            err.flush();
        }
    }
}
