package org.checkpointlab.views.editor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.checkpointlab.model.pipeline.Partitioning.FORWARD;
import static org.checkpointlab.model.pipeline.Partitioning.HASH;
import static org.checkpointlab.model.pipeline.Partitioning.REBALANCE;
import static org.checkpointlab.views.editor.model.EditorFixtures.edge;
import static org.checkpointlab.views.editor.model.EditorFixtures.wordCountWithSpares;

import java.util.Map;
import java.util.Set;
import org.checkpointlab.model.pipeline.LabDefaults;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The commands that add, change, rename, move and delete operators. */
class OperatorCommandsTest {

    private final EditablePipeline pipeline = wordCountWithSpares();

    private static OperatorSpec operator(EditablePipeline p, String id) {
        return p.operator(id).orElseThrow();
    }

    @Nested
    class Add {
        @Test
        void addOperator_usesTheKindNameAsId_parallelismOne_defaultParams_atThePosition_andSelectsIt() {
            EditablePipeline after = new AddOperator(OperatorKind.KEYED_COUNT, new Position(10, 20))
                    .apply(EditablePipeline.empty("p"));

            OperatorSpec added = operator(after, "keyed-count");
            assertThat(added).isEqualTo(new OperatorSpec("keyed-count", "keyed-count", "keyed-count", 1, null,
                    Map.of()));
            assertThat(after.positionOf("keyed-count")).isEqualTo(new Position(10, 20));
            assertThat(after.selection()).isEqualTo(Selection.ofOperators("keyed-count"));
            assertThat(new AddOperator(OperatorKind.KEYED_COUNT, Position.ORIGIN).description())
                    .isEqualTo("Add keyed-count");
        }

        @Test
        void addedOperator_getsEveryParameterDefault() {
            EditablePipeline after = new AddOperator(OperatorKind.SLOW, Position.ORIGIN).apply(pipeline);

            assertThat(OperatorKind.SLOW.resolvedParams(operator(after, "slow-2")))
                    .containsExactly(Map.entry("costMicros", 20L), Map.entry("jitterMicros", 0L));
        }

        @Test
        void addedSource_runsUntilStoppedAtTheLabsWatchableRate() {
            EditablePipeline after = new AddOperator(OperatorKind.SENTENCE_SOURCE, Position.ORIGIN)
                    .apply(EditablePipeline.empty("p"));

            OperatorSpec added = operator(after, "sentence-source");
            assertThat(added.params()).isEqualTo(LabDefaults.params(OperatorKind.SENTENCE_SOURCE));
            assertThat(OperatorKind.SENTENCE_SOURCE.paramsOf(added).getLong("count")).isZero();
            assertThat(OperatorKind.SENTENCE_SOURCE.paramsOf(added).getLong("ratePerSecond")).isPositive();
        }

        @Test
        void addingTheSameKindAgain_givesFreshNumberedIds() {
            EditablePipeline p = EditablePipeline.empty("p");
            for (int i = 0; i < 3; i++) {
                p = new AddOperator(OperatorKind.KEYED_COUNT, Position.ORIGIN).apply(p);
            }

            assertThat(p.operatorIds()).containsExactly("keyed-count", "keyed-count-2", "keyed-count-3");
        }
    }

    @Nested
    class Parallelism {
        @Test
        void setParallelism_changesOnlyThatOperator() {
            EditablePipeline after = new SetParallelism("count", 3).apply(pipeline);

            assertThat(operator(after, "count").parallelism()).isEqualTo(3);
            assertThat(after.spec().operators()).filteredOn(o -> !o.id().equals("count"))
                    .isEqualTo(pipeline.spec().operators().stream().filter(o -> !o.id().equals("count")).toList());
            assertThat(new SetParallelism("count", 3).description()).isEqualTo("Set parallelism of count to 3");
        }

        @Test
        void parallelismBelowOneOrAboveMaxParallelism_isRefused() {
            assertThatThrownBy(() -> new SetParallelism("count", 0).apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot set parallelism of count to 0: parallelism must be at least 1");
            EditablePipeline capped = new SetMaxParallelism("count", 4).apply(pipeline);
            assertThatThrownBy(() -> new SetParallelism("count", 5).apply(capped))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot set parallelism of count to 5: it is larger than its max parallelism 4 "
                            + "(raise the max parallelism first)");
            assertThatThrownBy(() -> new SetParallelism("count", 40_000).apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot set parallelism of count to 40000: parallelism must be at most 32768");
        }

        @Test
        void parallelismChangeAcrossAForwardEdge_isAllowedButMarked() {
            EditablePipeline after = new SetParallelism("split", 4).apply(pipeline);

            assertThat(after.problems()).contains("edge sentences -> split: a forward edge needs equal parallelism "
                    + "on both sides, but 'sentences' has 2 and 'split' has 4 (use rebalance or hash)");
        }

        @Test
        void setMaxParallelism_setsAndClears_andRefusesOutOfRange() {
            EditablePipeline set = new SetMaxParallelism("count", 128).apply(pipeline);
            assertThat(operator(set, "count").maxParallelism()).isEqualTo(128);
            assertThat(operator(new SetMaxParallelism("count", null).apply(set), "count").maxParallelism()).isNull();
            assertThat(new SetMaxParallelism("count", null).description())
                    .isEqualTo("Set max parallelism of count to default");

            assertThatThrownBy(() -> new SetMaxParallelism("count", 1).apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot set max parallelism of count to 1: it is smaller than the parallelism 2");
            assertThatThrownBy(() -> new SetMaxParallelism("count", 70_000).apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot set max parallelism of count to 70000: max parallelism must be between 1 "
                            + "and 32768");
        }
    }

    @Nested
    class Params {
        @Test
        void setParam_storesTheValueAsTheParameterType() {
            EditablePipeline after = new SetParam("slow", "costMicros", 50).apply(pipeline);

            assertThat(operator(after, "slow").params()).containsExactly(Map.entry("costMicros", 50L));
            assertThat(after.problems()).isEqualTo(pipeline.problems());
            assertThat(new SetParam("slow", "costMicros", 50).description()).isEqualTo("Set costMicros of slow to 50");
        }

        @Test
        void invalidValue_isRefusedWithTheParameterProblem() {
            assertThatThrownBy(() -> new SetParam("slow", "costMicros", -5).apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot set costMicros of slow: it must be >= 0, was -5");
            assertThatThrownBy(() -> new SetParam("slow", "costMicros", "fast").apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot set costMicros of slow: it must be a whole number, was \"fast\"");
        }

        @Test
        void unknownParameter_isRefusedListingTheKnownOnes() {
            assertThatThrownBy(() -> new SetParam("slow", "speed", 1).apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot set speed of slow: slow has no parameter 'speed' "
                            + "(parameters: costMicros, jitterMicros)");
            assertThatThrownBy(() -> new SetParam("count", "x", 1).apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot set x of count: keyed-count takes no parameters");
        }

        @Test
        void nullValue_resetsTheParameterToItsDefault() {
            EditablePipeline set = new SetParam("slow", "costMicros", 50).apply(pipeline);

            EditablePipeline reset = new SetParam("slow", "costMicros", null).apply(set);

            assertThat(operator(reset, "slow").params()).isEmpty();
            assertThat(new SetParam("slow", "costMicros", null).description())
                    .isEqualTo("Reset costMicros of slow to default");
        }
    }

    @Nested
    class Rename {
        @Test
        void renameOperator_keepsItsEdgesPositionAndSelection() {
            EditablePipeline selected = pipeline.withSelection(new Selection(Set.of("split"),
                    Set.of(new EdgeRef("split", "count"))));

            EditablePipeline after = new RenameOperator("split", "words").apply(selected);

            assertThat(after.operatorIds()).containsExactly("sentences", "words", "count", "out", "numbers", "slow");
            assertThat(after.spec().edges()).containsExactly(edge("sentences", "words", FORWARD),
                    edge("words", "count", HASH), edge("count", "out", REBALANCE));
            assertThat(after.positionOf("words")).isEqualTo(new Position(200, 0));
            assertThat(after.positions()).doesNotContainKey("split");
            assertThat(after.selection()).isEqualTo(new Selection(Set.of("words"),
                    Set.of(new EdgeRef("words", "count"))));
            assertThat(after.problems()).isEqualTo(pipeline.problems());
        }

        @Test
        void nameThatWasTheId_followsTheId_butAGivenNameStays() {
            EditablePipeline renamed = new RenameOperator("split", "words").apply(pipeline);
            assertThat(operator(renamed, "words").name()).isEqualTo("words");

            EditablePipeline named = new SetName("split", "Split words").apply(pipeline);
            assertThat(operator(new RenameOperator("split", "words").apply(named), "words").name())
                    .isEqualTo("Split words");
        }

        @Test
        void renameToADuplicateBlankOrPaddedId_isRefused() {
            assertThatThrownBy(() -> new RenameOperator("split", "count").apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot rename split to 'count': another operator already has that id");
            assertThatThrownBy(() -> new RenameOperator("split", "  ").apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot rename split to '  ': an id must not be blank");
            assertThatThrownBy(() -> new RenameOperator("split", " words").apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot rename split to ' words': an id must not start or end with spaces");
            assertThatThrownBy(() -> new RenameOperator("nope", "x").apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot rename nope to 'x': there is no operator 'nope'");
        }

        @Test
        void setName_changesTheNameOnly_andRefusesBlank() {
            EditablePipeline after = new SetName("count", "Count per word").apply(pipeline);

            assertThat(operator(after, "count").name()).isEqualTo("Count per word");
            assertThat(operator(after, "count").id()).isEqualTo("count");
            assertThat(new SetName("count", "Count per word").description())
                    .isEqualTo("Name count \"Count per word\"");
            assertThatThrownBy(() -> new SetName("count", " ").apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot name count \" \": a name must not be blank");
        }

        @Test
        void setPipelineName_changesThePipelinesNameOnly_andRefusesBlank() {
            EditablePipeline after = new SetPipelineName("Word count, edited").apply(pipeline);

            assertThat(after.spec().name()).isEqualTo("Word count, edited");
            assertThat(after.spec().operators()).isEqualTo(pipeline.spec().operators());
            assertThat(after.spec().edges()).isEqualTo(pipeline.spec().edges());
            assertThat(after.positions()).isEqualTo(pipeline.positions());
            assertThat(new SetPipelineName("Word count, edited").description())
                    .isEqualTo("Name the pipeline \"Word count, edited\"");
            assertThatThrownBy(() -> new SetPipelineName("  ").apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot name the pipeline \"  \": a name must not be blank");
        }
    }

    @Nested
    class MoveAndDelete {
        @Test
        void moveOperators_offsetsTheGivenCardsOnly() {
            EditablePipeline after = new MoveOperators(Set.of("split", "count"), 5, -10).apply(pipeline);

            assertThat(after.positionOf("split")).isEqualTo(new Position(205, -10));
            assertThat(after.positionOf("count")).isEqualTo(new Position(405, -10));
            assertThat(after.positionOf("out")).isEqualTo(new Position(600, 0));
            assertThat(new MoveOperators(Set.of("split", "count"), 5, -10).description())
                    .isEqualTo("Move 2 operators (count, split)");
            assertThatThrownBy(() -> new MoveOperators(Set.of("ghost"), 1, 1).apply(pipeline))
                    .isInstanceOf(EditRefused.class).hasMessage("Cannot move ghost: there is no operator 'ghost'");
        }

        @Test
        void removeOperators_removesTheirEdgesPositionsAndSelection() {
            EditablePipeline selected = pipeline.withSelection(Selection.ofOperators("count", "out"));

            EditablePipeline after = new RemoveOperators(Set.of("count")).apply(selected);

            assertThat(after.operatorIds()).doesNotContain("count");
            assertThat(after.spec().edges()).containsExactly(edge("sentences", "split", FORWARD));
            assertThat(after.positions()).doesNotContainKey("count");
            assertThat(after.selection()).isEqualTo(Selection.ofOperators("out"));
            assertThat(new RemoveOperators(Set.of("count")).description()).isEqualTo("Delete count");
        }

        @Test
        void removeUnknownOperator_isRefused() {
            assertThatThrownBy(() -> new RemoveOperators(Set.of("ghost")).apply(pipeline))
                    .isInstanceOf(EditRefused.class)
                    .hasMessage("Cannot delete ghost: there is no operator 'ghost'");
        }

        @Test
        void removeSelection_deletesSelectedOperatorsAndEdges_andRefusesAnEmptySelection() {
            EditablePipeline selected = pipeline.withSelection(new Selection(Set.of("slow"),
                    Set.of(new EdgeRef("split", "count"))));

            EditablePipeline after = new RemoveSelection().apply(selected);

            assertThat(after.operatorIds()).containsExactly("sentences", "split", "count", "out", "numbers");
            assertThat(after.spec().edges()).containsExactly(edge("sentences", "split", FORWARD),
                    edge("count", "out", REBALANCE));
            assertThat(after.selection()).isEqualTo(Selection.NONE);
            assertThatThrownBy(() -> new RemoveSelection().apply(pipeline))
                    .isInstanceOf(EditRefused.class).hasMessage("Cannot delete: nothing is selected");
        }
    }
}
