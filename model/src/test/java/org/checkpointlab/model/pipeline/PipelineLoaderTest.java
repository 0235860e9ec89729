package org.checkpointlab.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineLoaderTest {
    private static final PipelineLoader LOADER = PipelineLoader.validating();

    @TempDir
    Path dir;

    @Test
    void wordCountSample_loads() throws PipelineException {
        PipelineSpec spec = LOADER.load(Path.of("..", "samples", "word-count.json"));

        assertThat(spec.name()).isEqualTo("Word count");
        assertThat(spec.operators()).isNotEmpty();
    }

    @Test
    void everySample_loadsWithoutProblems() throws PipelineException, IOException {
        List<Path> samples;
        try (var files = Files.list(Path.of("..", "samples"))) {
            samples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(samples).isNotEmpty();
        for (Path sample : samples) {
            assertThat(LOADER.load(sample).operators()).as("operators of %s", sample).isNotEmpty();
        }
    }

    @Test
    void malformedJson_isAProblemWithFileNameAndPosition() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"format\": 1,\n  \"name\": \n}");

        assertThatThrownBy(() -> LOADER.load(broken))
                .isInstanceOfSatisfying(PipelineException.class, e -> assertThat(e.problems())
                        .allSatisfy(p -> assertThat(p).startsWith("broken.json: "))
                        .anySatisfy(p -> assertThat(p).contains("line")));
    }

    @Test
    void pipelineThatCannotRun_isRejectedWithTheValidatorsProblemsNamingTheFile() throws IOException {
        Path invalid = Files.writeString(dir.resolve("invalid.json"), """
                {"format": 1, "name": "bad forward",
                 "operators": [
                   {"id": "src", "kind": "sequence-source", "parallelism": 2},
                   {"id": "out", "kind": "discard-sink", "parallelism": 3}],
                 "edges": [{"from": "src", "to": "out", "partitioning": "forward"}]}
                """);

        assertThatThrownBy(() -> LOADER.load(invalid))
                .isInstanceOfSatisfying(PipelineException.class, e -> assertThat(e.problems())
                        .isNotEmpty()
                        .allSatisfy(p -> assertThat(p).startsWith("invalid.json: "))
                        .anySatisfy(p -> assertThat(p).contains("src").contains("out")));
    }

    @Test
    void missingFile_isAProblemNamingTheFile() {
        assertThatThrownBy(() -> LOADER.load(dir.resolve("nowhere.json")))
                .isInstanceOfSatisfying(PipelineException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("nowhere.json: ").contains("not found"));
    }
}
