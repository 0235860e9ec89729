package org.checkpointlab.views.editor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user can build the word-count sample from an empty canvas with the editor's commands alone. */
class WordCountByCommandsTest {

    private static final Path SAMPLE = Path.of("..", "samples", "word-count.json");

    private static CommandStack buildWordCount() {
        CommandStack stack = new CommandStack(EditablePipeline.empty("Word count"));
        List<EditCommand> commands = List.of(
                new AddOperator(OperatorKind.SENTENCE_SOURCE, new Position(0, 0)),
                new AddOperator(OperatorKind.FLAT_MAP_WORDS, new Position(200, 0)),
                new AddOperator(OperatorKind.KEYED_COUNT, new Position(400, 0)),
                new AddOperator(OperatorKind.TRANSACTIONAL_SINK, new Position(600, 0)),
                new RenameOperator("sentence-source", "sentences"),
                new RenameOperator("flat-map-words", "split"),
                new RenameOperator("keyed-count", "count"),
                new RenameOperator("transactional-sink", "output"),
                new SetName("sentences", "Sentences"),
                new SetName("split", "Split words"),
                new SetName("count", "Count per word"),
                new SetName("output", "Committed output"),
                new SetParallelism("sentences", 2),
                new SetParallelism("split", 2),
                new SetParallelism("count", 2),
                new SetParallelism("output", 2),
                new Connect("sentences", "split", Partitioning.FORWARD),
                new Connect("split", "count", Partitioning.HASH),
                new Connect("count", "output", Partitioning.FORWARD));
        commands.forEach(stack::execute);
        return stack;
    }

    @Test
    void wordCountBuiltFromEmpty_equalsTheSampleFile_inIdsKindsNamesParallelismParamsAndEdges() throws Exception {
        PipelineSpec sample = PipelineJson.read(SAMPLE);

        PipelineSpec built = buildWordCount().current().spec();

        assertThat(built.operators()).isEqualTo(sample.operators());
        assertThat(built.edges()).isEqualTo(sample.edges());
        assertThat(built.name()).isEqualTo(sample.name());
        assertThat(buildWordCount().current().problems()).isEmpty();
    }

    @Test
    void builtPipeline_savedAndReadBack_isTheSameSpec(@TempDir Path dir) throws Exception {
        PipelineSpec built = buildWordCount().current().spec();
        Path file = dir.resolve("mine.json");

        PipelineJson.write(built, file);

        assertThat(PipelineJson.read(file)).isEqualTo(built);
    }

    @Test
    void undoingEveryStep_returnsToTheEmptyCanvas() {
        CommandStack stack = buildWordCount();
        assertThat(stack.undoDescription()).contains("Undo Connect count -> output (forward)");

        while (stack.canUndo()) {
            stack.undo();
        }

        assertThat(stack.current()).isEqualTo(EditablePipeline.empty("Word count"));
        assertThat(stack.hasUnsavedChanges()).isFalse();
        assertThat(stack.revision()).isEqualTo(38);
    }

    @Test
    void deletingTheCountOperator_leavesTheEdgesAroundItOut_andTheValidatorSaysWhatIsMissing() {
        CommandStack stack = buildWordCount();

        stack.execute(new RemoveOperators(Set.of("count")));

        assertThat(stack.current().spec().edges()).hasSize(1);
        assertThat(stack.current().problems())
                .contains("operator 'output': has no input; every operator but a source needs one");
    }
}
