package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.checkpointlab.flink.EmbeddedFlinkCluster;
import org.checkpointlab.flink.FlinkOptions;
import org.checkpointlab.flink.FlinkRefusal;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.PipelineSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code checkpoint-lab compare PIPELINE.json [--pairs N] [--json] [run flags]}: runs the pipeline on the local
 * engine and on Apache Flink (embedded; started once, before the first pair, and not timed), alternating, and prints
 * side by side the median figures of each engine, their ratio, each sink's committed output and every keyed
 * operator's key assignment against Flink's. Exit 2 for bad input or what Flink refuses.
 */
@Command(name = "compare", sortOptions = false,
        description = "Run a pipeline on the local engine and on Apache Flink (embedded), alternating, and compare.")
final class CompareCommand implements Callable<Integer> {
    @Mixin
    private CommandOutput command;

    @Parameters(index = "0", paramLabel = "PIPELINE.json", description = "The pipeline file.")
    private Path file;

    @Option(names = "--pairs", paramLabel = "N", defaultValue = "3",
            description = "Runs on each engine (default ${DEFAULT-VALUE}); the figures are medians over them.")
    private int pairs;

    @Option(names = "--json", description = "Print the comparison as one JSON object on stdout (nothing else).")
    private boolean json;

    @Mixin
    private RunFlags flags;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = command.out();
        PrintWriter err = command.err();
        JobConfig config;
        FlinkOptions options;
        try {
            if (pairs < 1) {
                throw new BadInputException(List.of("--pairs must be at least 1, was " + pairs));
            }
            PipelineSpec pipeline = load(file);
            config = flags.toJobConfig(file, pipeline);
            if (flags.faults.any() || flags.savepoints.takesSavepoints() || flags.savepoints.fromSavepoint != null) {
                throw new BadInputException(List.of("compare runs without failures and savepoints: leave out "
                        + "--fail, --chaos and the savepoint flags"));
            }
            options = FlinkOptions.of(config);
        } catch (BadInputException e) {
            return command.badInput(e.problems());
        } catch (FlinkRefusal e) {
            return command.badInput(e.problems());
        }
        flags.warnings().forEach(err::println);
        err.println("starting an embedded Apache Flink cluster...");
        err.flush();
        try (EmbeddedFlinkCluster cluster = EmbeddedFlinkCluster.start(options.cluster(),
                FlinkRunner.slotsFor(config))) {
            EngineComparison.Result result = EngineComparison.run(config, pairs, flags.duration, cluster, err);
            if (json) {
                out.println(ComparisonReport.toJson(result));
            } else {
                ComparisonReport.print(result, out);
            }
            out.flush();
            return ExitCodes.OK;
        } catch (FlinkRefusal e) {
            return command.badInput(e.problems());
        } catch (PipelineException e) {
            return command.badInput(e.problems());
        }
    }

    private static PipelineSpec load(Path file) throws BadInputException {
        try {
            return PipelineLoader.validating().load(file);
        } catch (PipelineException e) {
            throw new BadInputException(e);
        }
    }
}
