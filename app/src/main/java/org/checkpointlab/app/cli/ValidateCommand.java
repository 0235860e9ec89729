package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.PipelineSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code checkpoint-lab validate PIPELINE.json}: reads and checks a pipeline file without running it. Prints
 * {@code OK: <name> (<n> operators, <m> edges)} on stdout, or every problem on stderr with exit code
 * {@link ExitCodes#BAD_INPUT}.
 */
@Command(name = "validate", description = "Check a pipeline file: its JSON, its operators and edges, and its "
        + "checkpointing section.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    private CommandOutput command;

    @Parameters(index = "0", paramLabel = "PIPELINE.json", description = "The pipeline file.")
    private Path file;

    @Override
    public Integer call() {
        PrintWriter out = command.out();
        PrintWriter err = command.err();
        try {
            PipelineSpec pipeline = PipelineLoader.validating().load(file);
            out.printf("OK: %s (%d operators, %d edges)%n", pipeline.name(), pipeline.operators().size(),
                    pipeline.edges().size());
            return ExitCodes.OK;
        } catch (PipelineException e) {
            e.problems().forEach(err::println);
            return ExitCodes.BAD_INPUT;
        }
    }
}
