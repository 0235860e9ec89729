package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code checkpoint-lab bench-recovery}: recovery, savepoint and restore times (see {@link RecoveryBenchmark}). */
@Command(name = "bench-recovery", description = "Measure recovery time, savepoint end-to-end, restore with a new "
        + "parallelism, and savepoints of 1,000,000 keys for each state backend.", mixinStandardHelpOptions = false)
final class BenchRecoveryCommand implements Callable<Integer> {
    @Mixin
    private CommandOutput command;

    @Option(names = "--keys", paramLabel = "N", description = "Keys of the large-state measurement "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "1000000")
    private long keys;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where savepoints are written (default: a new "
            + "temporary directory).")
    private Path workDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.out();
        PrintWriter err = command.err();
        Path dir = workDir != null ? workDir : RecoveryBenchmark.defaultWorkDir();
        err.println("bench-recovery: writing savepoints under " + dir);
        new RecoveryBenchmark(out, err, dir).run(keys);
        return ExitCodes.OK;
    }
}
