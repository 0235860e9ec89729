package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.editor.model.Position;
import org.checkpointlab.views.graph.GraphEdge;
import org.checkpointlab.views.graph.OperatorNode;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    @TempDir
    Path dir;

    /** Files the fake loader knows: name -> spec; any other existing file fails with a problem naming it. */
    private final Map<String, PipelineSpec> known = new HashMap<>();
    private MainViewModel viewModel;

    @BeforeEach
    void setUp() {
        PipelineLoader loader = file -> {
            PipelineSpec spec = known.get(file.getFileName().toString());
            if (spec == null) {
                throw new PipelineException(List.of(file.getFileName() + ": line 3, column 7: unknown field 'kinds'",
                        file.getFileName() + ": operator 'count': parallelism must be at least 1"));
            }
            return spec;
        };
        viewModel = new MainViewModel(loader, new SampleCatalog(dir), new PipelineGraphViewModel());
    }

    private Path file(String name, PipelineSpec spec) throws IOException {
        Path path = Files.writeString(dir.resolve(name), "{}");
        if (spec != null) {
            known.put(name, spec);
        }
        return path;
    }

    @Test
    void open_exposesTheOperatorsAndEdgesOfThePipeline() throws IOException {
        Path wordCount = file("word-count.json", TestPipelines.wordCount());

        assertThat(viewModel.open(wordCount)).isTrue();

        assertThat(viewModel.graph().nodes()).extracting(OperatorNode::id)
                .containsExactly("sentences", "split", "count", "sink");
        assertThat(viewModel.graph().nodes()).extracting(OperatorNode::parallelism).containsExactly(2, 2, 4, 1);
        assertThat(viewModel.graph().edges()).extracting(e -> e.from().id() + " " + e.label() + " " + e.to().id())
                .containsExactly("sentences forward split", "split hash count", "count rebalance sink");
        assertThat(viewModel.fileProperty().get()).isEqualTo(wordCount);
        assertThat(viewModel.emptyProperty().get()).isFalse();
    }

    @Test
    void open_namesThePipelineInTheTitleAndCountsItInTheStatus() throws IOException {
        viewModel.open(file("word-count.json", TestPipelines.wordCount()));

        assertThat(viewModel.titleProperty().get()).isEqualTo("Word count \u2013 Checkpoint Lab");
        assertThat(viewModel.statusProperty().get()).isEqualTo("Opened word-count.json: 4 operators, 3 edges");
    }

    @Test
    void open_resetsTheEditsToTheFileWithTheLayoutPositionsAndCountsThemSaved() throws IOException {
        viewModel.open(file("word-count.json", TestPipelines.wordCount()));

        assertThat(viewModel.edits().current().spec()).isEqualTo(viewModel.pipeline());
        assertThat(viewModel.edits().hasUnsavedChanges()).isFalse();
        assertThat(viewModel.edits().canUndo()).isFalse();
        OperatorNode count = viewModel.graph().node("count").orElseThrow();
        assertThat(viewModel.edits().current().positionOf("count"))
                .isEqualTo(new Position(count.x(), count.y()));
    }

    @Test
    void failedOpen_keepsThePreviousPipelineAndPublishesEveryProblem() throws IOException {
        viewModel.open(file("word-count.json", TestPipelines.wordCount()));
        List<OperatorNode> before = List.copyOf(viewModel.graph().nodes());
        List<GraphEdge> edgesBefore = List.copyOf(viewModel.graph().edges());
        Path broken = file("broken.json", null);

        assertThat(viewModel.open(broken)).isFalse();

        assertThat(viewModel.graph().nodes()).containsExactlyElementsOf(before);
        assertThat(viewModel.graph().edges()).containsExactlyElementsOf(edgesBefore);
        assertThat(viewModel.pipeline().name()).isEqualTo("Word count");
        assertThat(viewModel.fileProperty().get().getFileName()).hasToString("word-count.json");
        assertThat(viewModel.titleProperty().get()).startsWith("Word count");
        LoadFailure failure = viewModel.failureProperty().get();
        assertThat(failure.file()).isEqualTo(broken);
        assertThat(failure.problems()).containsExactly(
                "broken.json: line 3, column 7: unknown field 'kinds'",
                "broken.json: operator 'count': parallelism must be at least 1");
        assertThat(viewModel.statusProperty().get()).isEqualTo("Could not open broken.json: 2 problems");
    }

    @Test
    void pipelineTheGraphCannotDraw_isReportedInsteadOfThrown() throws IOException {
        PipelineSpec dangling = new PipelineSpec(1, "dangling", List.of(TestPipelines.operator("a", "map", 1)),
                List.of(TestPipelines.edge("a", "ghost", org.checkpointlab.model.pipeline.Partitioning.FORWARD)),
                Map.of(), true);

        assertThat(viewModel.open(file("dangling.json", dangling))).isFalse();

        assertThat(viewModel.failureProperty().get().problems()).singleElement().asString().contains("ghost");
        assertThat(viewModel.emptyProperty().get()).isTrue();
    }

    @Test
    void successfulOpen_clearsAnEarlierFailure() throws IOException {
        viewModel.open(file("broken.json", null));

        viewModel.open(file("word-count.json", TestPipelines.wordCount()));

        assertThat(viewModel.failureProperty().get()).isNull();
    }

    @Test
    void dismissFailure_hidesTheProblemsButKeepsThePipeline() throws IOException {
        viewModel.open(file("word-count.json", TestPipelines.wordCount()));
        viewModel.open(file("broken.json", null));

        viewModel.dismissFailure();

        assertThat(viewModel.failureProperty().get()).isNull();
        assertThat(viewModel.graph().nodes()).hasSize(4);
    }

    @Test
    void openAtStart_opensTheFirstProgramArgument() throws IOException {
        file("word-count.json", TestPipelines.wordCount());
        Path other = file("broadcast.json", TestPipelines.broadcast());

        viewModel.openAtStart(List.of(other.toString()));

        assertThat(viewModel.pipeline().name()).isEqualTo("Broadcast");
    }

    @Test
    void openAtStart_withoutArguments_opensTheWordCountSample() throws IOException {
        file("word-count.json", TestPipelines.wordCount());

        viewModel.openAtStart(List.of());

        assertThat(viewModel.pipeline().name()).isEqualTo("Word count");
    }

    @Test
    void openAtStart_withoutArgumentsOrSample_staysEmptyWithTheHint() {
        viewModel.openAtStart(List.of());

        assertThat(viewModel.emptyProperty().get()).isTrue();
        assertThat(viewModel.failureProperty().get()).isNull();
        assertThat(viewModel.statusProperty().get()).isEqualTo(MainViewModel.EMPTY_HINT);
        assertThat(viewModel.titleProperty().get()).isEqualTo("Checkpoint Lab");
    }
}
