package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckpointCleanerTest {
    @TempDir
    Path dir;

    private final List<String> problems = new ArrayList<>();
    private final CheckpointCleaner cleaner = new CheckpointCleaner(problems::add);

    private Path file(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "x");
    }

    @Test
    void settlingKeepsTheRetainedCheckpoints_andDeletesTheOthers() throws Exception {
        file("chk-3/a.keyed");
        file("chk-4/a.keyed");
        file("chk-5/a.keyed");
        file("chk-x/notes");      // not a checkpoint id: not ours to keep
        file("unrelated.txt");

        cleaner.settle(dir, Set.of(5L));
        cleaner.closeAndAwait(10);

        assertThat(dir.resolve("chk-3")).doesNotExist();
        assertThat(dir.resolve("chk-4")).doesNotExist();
        assertThat(dir.resolve("chk-5/a.keyed")).exists();
        assertThat(dir.resolve("chk-x")).doesNotExist();
        assertThat(dir.resolve("unrelated.txt")).exists();
    }

    /** An unfinished upload alone: the shared directory goes; a shared file: it is kept. */
    @ParameterizedTest
    @CsvSource({"shared/upload.sst.inprogress, false", "shared/000012.sst, true"})
    void theSharedDirectoryGoesOnlyWhenNothingButUnfinishedUploadsIsLeft(String left, boolean kept) throws Exception {
        file(left);
        cleaner.settle(dir, Set.of());
        cleaner.closeAndAwait(10);
        assertThat(Files.exists(dir.resolve(kept ? left : "shared"))).isEqualTo(kept);
    }

    @Test
    void operationsRunInSubmissionOrder_aDiscardedCheckpointIsDeleted() throws Exception {
        file("chk-7/a.operator");
        file("chk-8/a.operator");
        cleaner.discardCheckpoint(dir, 7);
        cleaner.discardCheckpoint(dir, 9); // nothing there: nothing happens
        cleaner.closeAndAwait(10);
        assertThat(dir.resolve("chk-7")).doesNotExist();
        assertThat(dir.resolve("chk-8/a.operator")).exists();
        assertThat(problems).isEmpty();
    }
}
