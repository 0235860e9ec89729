package org.checkpointlab.views.editor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.checkpointlab.model.pipeline.Partitioning.FORWARD;
import static org.checkpointlab.model.pipeline.Partitioning.HASH;
import static org.checkpointlab.views.editor.model.EditorFixtures.edge;
import static org.checkpointlab.views.editor.model.EditorFixtures.wordCountWithSpares;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasteTest {

    private final EditablePipeline pipeline = new SetName("split", "Split words").apply(
            new SetParam("sentences", "count", 500).apply(wordCountWithSpares()));

    @Test
    void copy_takesTheOperatorsAndOnlyTheEdgesAmongThem() {
        CopiedOperators copied = CopiedOperators.of(pipeline, Set.of("split", "count"));

        assertThat(copied.operators()).extracting(o -> o.id()).containsExactly("split", "count");
        assertThat(copied.edges()).containsExactly(edge("split", "count", HASH));
        assertThat(copied.positions()).containsOnlyKeys("split", "count");
    }

    @Test
    void paste_givesFreshIds_rewiresTheCopiedEdges_offsetsPositions_andSelectsTheCopies() {
        CopiedOperators copied = CopiedOperators.of(pipeline, Set.of("sentences", "split"));

        EditablePipeline after = new Paste(copied, 30, 40).apply(pipeline);

        assertThat(after.operatorIds()).containsExactly("sentences", "split", "count", "out", "numbers", "slow",
                "sentences-2", "split-2");
        assertThat(after.spec().edges()).endsWith(edge("sentences-2", "split-2", FORWARD));
        assertThat(after.spec().edges().subList(0, 3)).isEqualTo(pipeline.spec().edges());
        assertThat(after.positionOf("sentences-2")).isEqualTo(new Position(30, 40));
        assertThat(after.positionOf("split-2")).isEqualTo(new Position(230, 40));
        assertThat(after.selection()).isEqualTo(Selection.ofOperators("sentences-2", "split-2"));
        assertThat(new Paste(copied, 30, 40).description()).isEqualTo("Paste 2 operators");
    }

    @Test
    void pastedCopies_keepKindParallelismParamsAndAGivenName() {
        EditablePipeline after = new Paste(CopiedOperators.of(pipeline, Set.of("sentences", "split")), 0, 0)
                .apply(pipeline);

        var copy = after.operator("sentences-2").orElseThrow();
        assertThat(copy.kind()).isEqualTo("sentence-source");
        assertThat(copy.parallelism()).isEqualTo(2);
        assertThat(copy.params()).isEqualTo(Map.of("count", 500L));
        assertThat(copy.name()).isEqualTo("sentences-2");
        assertThat(after.operator("split-2").orElseThrow().name()).isEqualTo("Split words");
    }

    @Test
    void pastingTwice_numbersOnFromTheBaseId() {
        CopiedOperators copied = CopiedOperators.of(pipeline, Set.of("count"));

        EditablePipeline twice = new Paste(copied, 10, 10).apply(new Paste(copied, 10, 10).apply(pipeline));
        EditablePipeline copyOfCopy = new Paste(CopiedOperators.of(twice, Set.of("count-3")), 0, 0).apply(twice);

        assertThat(twice.operatorIds()).endsWith("count-2", "count-3");
        assertThat(copyOfCopy.operatorIds()).endsWith("count-2", "count-3", "count-4");
    }

    @Test
    void copiedOperators_areIndependentOfLaterEditsToThePipeline() {
        CopiedOperators copied = CopiedOperators.ofSelection(pipeline.withSelection(Selection.ofOperators("slow")));
        EditablePipeline changed = new SetParallelism("slow", 1).apply(new RemoveOperators(Set.of("numbers"))
                .apply(pipeline));

        EditablePipeline after = new Paste(copied, 0, 0).apply(changed);

        assertThat(after.operator("slow-2").orElseThrow().parallelism()).isEqualTo(3);
    }

    @Test
    void pastingNothing_isRefused_andDanglingCopiedEdgesAreRejected() {
        assertThatThrownBy(() -> new Paste(CopiedOperators.of(pipeline, Set.of()), 0, 0).apply(pipeline))
                .isInstanceOf(EditRefused.class).hasMessage("Cannot paste: nothing has been copied");
        assertThatThrownBy(() -> new CopiedOperators(List.of(), List.of(edge("a", "b", HASH)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("copied edge a -hash-> b joins an operator that was not copied");
    }
}
