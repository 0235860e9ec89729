package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage soak, short: the shared directory stays small, counts are exactly-once, the retained checkpoint restores. */
class BenchStorageCommandTest {
    @TempDir
    Path dir;

    @Test
    void shortSoak_keepsSharedFilesBounded_holdsExactlyOnce_andRestoresTheRetainedCheckpoint() {
        Cli.Result r = Cli.run("bench-storage", "--duration", "6s", "--failures", "2", "--seed", "7", "--work-dir",
                dir.resolve("chk").toString());

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Checkpoint storage soak").contains("Exactly-once held; the retained "
                + "checkpoint restored.").doesNotContain("PROBLEM");
        // Two subtasks' databases: a handful of live SST files each, however many checkpoints were taken.
        assertThat(r.out().lines().filter(l -> l.matches("\\s*\\d+\\.\\d s .*")).map(l ->
                Integer.parseInt(l.trim().split("\\s+")[4]))).isNotEmpty().allMatch(files -> files <= 24);
    }
}
