package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code checkpoint-lab bench-storage}: the checkpoint-storage soak ({@link CheckpointStorageSoak}). */
@Command(name = "bench-storage", description = "Soak: unbounded word count on RocksDB with incremental checkpoints "
        + "every 500 ms and random failures; prints the shared directory's SST files and bytes over time, checks "
        + "exactly-once and restores the retained checkpoint. Exit 1 if a check fails.")
final class BenchStorageCommand implements Callable<Integer> {
    @Mixin
    private CommandOutput command;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "3m", description = "How long the job runs (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--failures", paramLabel = "N", defaultValue = "20",
            description = "Failures injected at random moments (default: ${DEFAULT-VALUE}).")
    private int failures;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the failures' moments and subtasks (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "The checkpoint directory (default: a new temporary directory).")
    private Path workDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.out();
        PrintWriter err = command.err();
        if (duration.isZero() || failures < 0) {
            err.println("bench-storage: --duration must be positive and --failures at least 0");
            return ExitCodes.BAD_INPUT;
        }
        Path dir = workDir != null ? workDir : Files.createTempDirectory("checkpoint-lab-soak-");
        err.println("bench-storage: checkpoints under " + dir);
        Duration every = Duration.ofMillis(Math.max(1_000, duration.toMillis() / 18));
        CheckpointStorageSoak.Result result = new CheckpointStorageSoak(duration, every, failures, seed,
                line -> {
                    err.println("bench-storage: " + line);
                    err.flush();
                }).run(dir);
        CheckpointStorageSoak.print(result, out);
        out.flush();
        return result.problems().isEmpty() ? ExitCodes.OK : ExitCodes.JOB_FAILED;
    }
}
