package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The output of the command that mixes this in ({@code @Mixin}, picocli's way to share a part of several commands):
 * its stdout and stderr, its name, and the one way a command refuses bad input. It adds no option and no help text
 * ({@code @Command} without attributes only marks it as a mixin).
 */
@Command
final class CommandOutput {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** The command's name as typed, e.g. {@code checkpoint-lab run}, which starts every problem line. */
    String name() {
        return command.qualifiedName();
    }

    /** Prints each problem on stderr after the command's name and gives exit code {@link ExitCodes#BAD_INPUT}. */
    int badInput(List<String> problems) {
        PrintWriter err = err();
        problems.forEach(p -> err.println(name() + ": " + p));
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    int badInput(String problem) {
        return badInput(List.of(problem));
    }
}
