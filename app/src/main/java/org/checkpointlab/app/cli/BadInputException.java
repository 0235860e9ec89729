package org.checkpointlab.app.cli;

import java.util.List;

import org.checkpointlab.model.pipeline.PipelineException;

/**
 * Input the command cannot work with (exit code {@link ExitCodes#BAD_INPUT}). Each problem is one line that names
 * what is wrong and where: the flag, the file, the operator or the option.
 */
final class BadInputException extends Exception {
    private final List<String> problems;

    BadInputException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** A pipeline file that cannot be read or run: its problems, each naming the file. */
    BadInputException(PipelineException e) {
        this(e.problems());
    }

    BadInputException(String problem) {
        this(List.of(problem));
    }

    List<String> problems() {
        return problems;
    }
}
