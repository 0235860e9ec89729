package org.checkpointlab.views.editor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.checkpointlab.views.editor.model.EditorFixtures.wordCountWithSpares;

import java.util.Map;
import java.util.Set;
import org.checkpointlab.model.pipeline.PipelineValidator;
import org.checkpointlab.model.pipeline.LabDefaults;
import org.junit.jupiter.api.Test;

class EditablePipelineTest {

    @Test
    void empty_hasNoOperatorsAndSaysItNeedsASourceAndASink() {
        EditablePipeline empty = EditablePipeline.empty("Mine");

        assertThat(empty.spec().name()).isEqualTo("Mine");
        assertThat(empty.spec().operators()).isEmpty();
        assertThat(empty.spec().chaining()).isTrue();
        assertThat(empty.spec().checkpointing()).as("checkpointing on, as every new pipeline in the lab")
                .isEqualTo(LabDefaults.checkpointing());
        assertThat(empty.problems()).containsExactly(
                "the pipeline has no operators; it needs at least a source and a sink");
    }

    @Test
    void problems_areThePipelineValidationProblemsOfTheSpec() {
        EditablePipeline pipeline = wordCountWithSpares();

        assertThat(pipeline.problems()).isEqualTo(PipelineValidator.problems(pipeline.spec()))
                .anySatisfy(p -> assertThat(p).startsWith("operator 'slow': has no input"));
    }

    @Test
    void positionsAndSelectionOfOperatorsAndEdgesNotInTheSpec_areDropped() {
        EditablePipeline base = wordCountWithSpares();

        EditablePipeline p = new EditablePipeline(base.spec(),
                Map.of("split", new Position(1, 2), "ghost", new Position(3, 4)),
                new Selection(Set.of("split", "ghost"), Set.of(new EdgeRef("split", "count"),
                        new EdgeRef("count", "split"))));

        assertThat(p.positions()).containsOnlyKeys("split");
        assertThat(p.selection()).isEqualTo(new Selection(Set.of("split"), Set.of(new EdgeRef("split", "count"))));
    }

    @Test
    void positionOfOperatorWithoutPosition_isTheOrigin() {
        EditablePipeline p = EditablePipeline.of(wordCountWithSpares().spec(), Map.of());

        assertThat(p.positionOf("count")).isEqualTo(Position.ORIGIN);
    }

    @Test
    void positionWithNonFiniteCoordinates_isRejected() {
        assertThatThrownBy(() -> new Position(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
    }

    @Test
    void equalPipelines_areEqual_soUndoCanBeCheckedWithEquals() {
        assertThat(wordCountWithSpares()).isEqualTo(wordCountWithSpares());
        assertThat(wordCountWithSpares().withSelection(Selection.ofOperators("count")))
                .isNotEqualTo(wordCountWithSpares());
    }
}
