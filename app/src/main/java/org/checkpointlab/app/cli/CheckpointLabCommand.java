package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top command {@code checkpoint-lab} with its subcommands {@code run}, {@code compare}, {@code watch}, {@code validate},
 * {@code inspect-savepoint}, {@code bench}, {@code gui} and {@code submit}. Bad flags and flag values are reported in one line naming the flag, followed by a hint to
 * {@code --help}, with exit code {@link ExitCodes#BAD_INPUT}.
 */
@Command(name = "checkpoint-lab",
        description = "See how a stream processor takes checkpoints: run pipelines headless, validate pipeline "
                + "files, inspect savepoints, benchmark the engine, or open the desktop app.",
        subcommands = {RunCommand.class, CompareCommand.class, WatchCommand.class, ValidateCommand.class,
                InspectSavepointCommand.class, BenchCommand.class, BenchRecoveryCommand.class,
                BenchStorageCommand.class, GuiCommand.class, SubmitCommand.class},
        usageHelpAutoWidth = true)
public final class CheckpointLabCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    private boolean help;

    /** A command line whose commands write to {@code out} and {@code err}. */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new CheckpointLabCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(CheckpointLabCommand::reportBadArguments);
        return commandLine;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "missing command: run, compare, validate, inspect-savepoint, bench or gui");
    }

    private static int reportBadArguments(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        String name = failed.getCommandSpec().qualifiedName();
        err.println(name + ": " + e.getMessage());
        err.println("Try '" + name + " --help' for the options.");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
