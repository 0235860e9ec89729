package org.checkpointlab.views.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {
    @TempDir
    Path dir;

    private Path store() {
        return dir.resolve("home/.checkpoint-lab/recent.json");
    }

    @Test
    void add_putsTheFileFirst_movesARepeatUp_andKeepsTheLastTen() {
        RecentFiles recent = RecentFiles.load(store());
        List<Path> files = IntStream.range(0, 12).mapToObj(i -> dir.resolve("p" + i + ".json")).toList();
        files.forEach(recent::add);
        recent.add(files.get(5));

        assertThat(recent.files()).hasSize(RecentFiles.LIMIT).first().isEqualTo(files.get(5).toAbsolutePath());
        assertThat(recent.files().subList(1, 4)).containsExactly(files.get(11), files.get(10), files.get(9));
        assertThat(recent.files()).doesNotContain(files.get(0), files.get(1)).contains(files.get(2)).containsOnlyOnce(
                files.get(5));
    }

    @Test
    void theListSurvivesARestart_andIsWrittenWithoutLeavingTemporaryFiles() throws IOException {
        RecentFiles first = RecentFiles.load(store());
        first.add(dir.resolve("a.json"));
        first.add(dir.resolve("sub/../b.json"));

        assertThat(RecentFiles.load(store()).files()).containsExactly(dir.resolve("b.json"), dir.resolve("a.json"));
        try (Stream<Path> files = Files.list(store().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("recent.json");
        }
    }

    @Test
    void aDamagedStore_startsAnEmptyList_thatTheNextChangeRewrites() throws IOException {
        Files.createDirectories(store().getParent());
        Files.writeString(store(), "{ not json");

        RecentFiles recent = RecentFiles.load(store());
        assertThat(recent.files()).isEmpty();

        recent.add(dir.resolve("a.json"));
        assertThat(RecentFiles.load(store()).files()).containsExactly(dir.resolve("a.json"));
    }

    @Test
    void aStoreThatCannotBeWritten_keepsTheListForThisRun() throws IOException {
        Path blocked = Files.writeString(dir.resolve("plain-file"), "x").resolve("recent.json");
        RecentFiles recent = RecentFiles.load(blocked);

        recent.add(dir.resolve("a.json"));

        assertThat(recent.files()).containsExactly(dir.resolve("a.json"));
    }

    @Test
    void clear_forgetsEveryFile_alsoAfterARestart() {
        RecentFiles recent = RecentFiles.load(store());
        recent.add(dir.resolve("a.json"));

        recent.clear();

        assertThat(recent.files()).isEmpty();
        assertThat(RecentFiles.load(store()).files()).isEmpty();
    }
}
