package org.checkpointlab.views.editor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.checkpointlab.model.pipeline.Partitioning.BROADCAST;
import static org.checkpointlab.model.pipeline.Partitioning.FORWARD;
import static org.checkpointlab.model.pipeline.Partitioning.HASH;
import static org.checkpointlab.model.pipeline.Partitioning.REBALANCE;
import static org.checkpointlab.views.editor.model.EditorFixtures.edge;
import static org.checkpointlab.views.editor.model.EditorFixtures.wordCountWithSpares;

import java.util.ArrayList;
import java.util.stream.Stream;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Wiring: connect, change partitioning, disconnect; what is refused and why. */
class ConnectTest {

    private final EditablePipeline pipeline = wordCountWithSpares();

    @Test
    void connect_addsTheEdgeAtTheEnd_andSelectsIt() {
        EditablePipeline after = new Connect("numbers", "slow", REBALANCE).apply(pipeline);

        assertThat(after.spec().edges()).endsWith(edge("numbers", "slow", REBALANCE)).hasSize(4);
        assertThat(after.selection()).isEqualTo(Selection.ofEdge("numbers", "slow"));
        assertThat(new Connect("numbers", "slow", REBALANCE).description())
                .isEqualTo("Connect numbers -> slow (rebalance)");
    }

    @Test
    void connectForwardBetweenEqualParallelism_isAccepted() {
        EditablePipeline after = new Connect("numbers", "slow", FORWARD).apply(pipeline);

        assertThat(after.edge("numbers", "slow")).contains(edge("numbers", "slow", FORWARD));
    }

    static Stream<Arguments> refusedWirings() {
        return Stream.of(
                Arguments.of("count", "count", HASH,
                        "Cannot connect count -> count: an operator cannot be its own input"),
                Arguments.of("split", "count", HASH,
                        "Cannot connect split -> count: they are already connected; connect two operators at most once"),
                Arguments.of("slow", "numbers", REBALANCE,
                        "Cannot connect slow -> numbers: 'numbers' is a source (sequence-source) and takes no inputs"),
                Arguments.of("out", "slow", REBALANCE,
                        "Cannot connect out -> slow: 'out' is a sink (collect-sink) and has no outputs"),
                Arguments.of("numbers", "split", REBALANCE,
                        "Cannot connect numbers -> split: 'split' (flat-map-words) takes at most 1 input and "
                                + "already has it from sentences"),
                Arguments.of("sentences", "slow", FORWARD,
                        "Cannot connect sentences -> slow: a forward edge needs equal parallelism on both sides, "
                                + "but 'sentences' has 2 and 'slow' has 3 (use rebalance or hash)"),
                Arguments.of("numbers", "slow", BROADCAST, null));
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @MethodSource("refusedWirings")
    void invalidWiring_isRefusedWithTheReason(String from, String to, Partitioning partitioning, String reason) {
        if (reason == null) {
            assertThat(new Connect(from, to, partitioning).apply(pipeline).edge(from, to)).isPresent();
            return;
        }
        assertThatThrownBy(() -> new Connect(from, to, partitioning).apply(pipeline))
                .isInstanceOf(EditRefused.class).hasMessage(reason);
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @MethodSource("refusedWirings")
    void everyRefusedWiring_isOneThePipelineValidationRejects(String from, String to, Partitioning partitioning,
                                                               String reason) {
        var edges = new ArrayList<>(pipeline.spec().edges());
        edges.add(new EdgeSpec(from, to, partitioning));
        var withEdge = new PipelineSpec(pipeline.spec().format(), "x",
                pipeline.spec().operators(), edges, pipeline.spec().checkpointing(), true);

        var newProblems = new ArrayList<>(PipelineValidator.problems(withEdge));
        newProblems.removeAll(pipeline.problems());

        if (reason == null) {
            assertThat(newProblems).noneMatch(p -> p.contains(from + " -> " + to));
        } else {
            assertThat(newProblems).as("validator problems added by %s -> %s", from, to).isNotEmpty();
        }
    }

    @Test
    void edgeThatClosesACycle_isRefusedShowingTheCycle() {
        EditablePipeline p = new AddOperator(OperatorKind.UNION, Position.ORIGIN).apply(pipeline);
        p = new Connect("numbers", "union", REBALANCE).apply(p);
        p = new SetParallelism("union", 3).apply(p);
        EditablePipeline withChain = new Connect("union", "slow", FORWARD).apply(p);

        assertThatThrownBy(() -> new Connect("slow", "union", REBALANCE).apply(withChain))
                .isInstanceOf(EditRefused.class)
                .hasMessage("Cannot connect slow -> union: it would close the cycle union -> slow -> union; "
                        + "a pipeline must not loop back on itself");
    }

    @Test
    void keyedOperatorFedByANonHashEdge_isRefused() {
        EditablePipeline p = new AddOperator(OperatorKind.KEYED_SUM, Position.ORIGIN).apply(pipeline);

        assertThatThrownBy(() -> new Connect("numbers", "keyed-sum", REBALANCE).apply(p))
                .isInstanceOf(EditRefused.class)
                .hasMessage("Cannot connect numbers -> keyed-sum: 'keyed-sum' (keyed-sum) is keyed, so its input "
                        + "must be hash-partitioned, not rebalance");
        assertThat(new Connect("numbers", "keyed-sum", HASH).apply(p).problems()).isEqualTo(pipeline.problems());
    }

    @Test
    void unionTakesManyInputs_butNotFromAnOperatorTwice() {
        EditablePipeline p = new AddOperator(OperatorKind.UNION, Position.ORIGIN).apply(pipeline);
        p = new Connect("numbers", "union", REBALANCE).apply(p);
        p = new Connect("slow", "union", REBALANCE).apply(p);
        p = new Connect("sentences", "union", REBALANCE).apply(p);

        assertThat(p.spec().inputsOf("union")).hasSize(3);
    }

    @Test
    void connectingAnUnknownOperator_isRefusedNamingIt() {
        assertThatThrownBy(() -> new Connect("numbers", "nope", HASH).apply(pipeline))
                .isInstanceOf(EditRefused.class)
                .hasMessage("Cannot connect numbers -> nope: there is no operator 'nope'");
    }

    @Test
    void setPartitioning_changesOnlyThatEdge_inPlace() {
        EditablePipeline after = new SetPartitioning("count", "out", BROADCAST).apply(pipeline);

        assertThat(after.spec().edges()).containsExactly(edge("sentences", "split", FORWARD),
                edge("split", "count", HASH), edge("count", "out", BROADCAST));
        assertThat(new SetPartitioning("count", "out", BROADCAST).description())
                .isEqualTo("Set partitioning of count -> out to broadcast");
    }

    @Test
    void setPartitioningThatTheValidatorWouldReject_isRefused() {
        assertThatThrownBy(() -> new SetPartitioning("split", "count", REBALANCE).apply(pipeline))
                .isInstanceOf(EditRefused.class)
                .hasMessage("Cannot set partitioning of split -> count to rebalance: 'count' (keyed-count) is keyed, "
                        + "so its input must be hash-partitioned, not rebalance");
        assertThatThrownBy(() -> new SetPartitioning("count", "out", FORWARD).apply(pipeline))
                .isInstanceOf(EditRefused.class)
                .hasMessageContaining("a forward edge needs equal parallelism on both sides, but 'count' has 2 "
                        + "and 'out' has 1");
        assertThatThrownBy(() -> new SetPartitioning("out", "count", HASH).apply(pipeline))
                .isInstanceOf(EditRefused.class)
                .hasMessage("Cannot set partitioning of out -> count to hash: there is no edge out -> count");
    }

    @Test
    void disconnect_removesTheEdgeOnly() {
        EditablePipeline after = new Disconnect("split", "count").apply(pipeline);

        assertThat(after.spec().edges()).containsExactly(edge("sentences", "split", FORWARD),
                edge("count", "out", REBALANCE));
        assertThat(after.spec().operators()).isEqualTo(pipeline.spec().operators());
        assertThatThrownBy(() -> new Disconnect("count", "split").apply(pipeline))
                .isInstanceOf(EditRefused.class)
                .hasMessage("Cannot disconnect count -> split: there is no edge count -> split");
    }
}
