package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineFilesTest {
    @TempDir
    Path dir;

    @Test
    void wordCountSample_loads() throws PipelineException {
        PipelineSpec spec = PipelineFiles.load(Path.of("..", "samples", "word-count.json"));

        assertThat(spec.name()).isEqualTo("Word count");
        assertThat(spec.operators()).isNotEmpty();
    }

    @Test
    void everySample_loadsWithoutProblems() throws PipelineException {
        var samples = new SampleCatalog(Path.of("..", "samples")).samples();
        assertThat(samples).isNotEmpty();
        for (Path sample : samples) {
            assertThat(PipelineFiles.load(sample).operators()).as("operators of %s", sample).isNotEmpty();
        }
    }

    @Test
    void malformedJson_isAProblemWithFileNameAndPosition() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"format\": 1,\n  \"name\": \n}");

        assertThatThrownBy(() -> PipelineFiles.load(broken))
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

        assertThatThrownBy(() -> PipelineFiles.load(invalid))
                .isInstanceOfSatisfying(PipelineException.class, e -> assertThat(e.problems())
                        .isNotEmpty()
                        .allSatisfy(p -> assertThat(p).startsWith("invalid.json: "))
                        .anySatisfy(p -> assertThat(p).contains("src").contains("out")));
    }

    @Test
    void missingFile_isAProblemNamingTheFile() {
        assertThatThrownBy(() -> PipelineFiles.load(dir.resolve("nowhere.json")))
                .isInstanceOfSatisfying(PipelineException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("nowhere.json: ").contains("not found"));
    }
}
