package org.checkpointlab.views.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.checkpointlab.views.TestPipelines.edge;
import static org.checkpointlab.views.TestPipelines.operator;

import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.TestPipelines;
import org.junit.jupiter.api.Test;

class PipelineGraphViewModelTest {
    private final PipelineGraphViewModel graph = new PipelineGraphViewModel();

    private OperatorNode node(String id) {
        return graph.node(id).orElseThrow();
    }

    @Test
    void show_placesEachLayerInItsOwnColumnFromLeftToRight() {
        graph.show(TestPipelines.wordCount());

        assertThat(node("sentences").x()).isLessThan(node("split").x());
        assertThat(node("split").x()).isLessThan(node("count").x());
        assertThat(node("count").x()).isLessThan(node("sink").x());
        double gap = node("split").x() - (node("sentences").x() + node("sentences").width());
        assertThat(gap).isEqualTo(CardMetrics.LAYER_GAP);
    }

    @Test
    void show_stacksCardsOfOneColumnWithoutOverlap() {
        PipelineSpec fanOut = new PipelineSpec(1, "fan out",
                List.of(operator("src", "sequence-source", 1), operator("a", "map", 12), operator("b", "map", 3),
                        operator("c", "map", 1)),
                List.of(edge("src", "a", Partitioning.REBALANCE), edge("src", "b", Partitioning.REBALANCE),
                        edge("src", "c", Partitioning.REBALANCE)),
                Map.of(), true);

        graph.show(fanOut);

        List<OperatorNode> column = List.of(node("a"), node("b"), node("c"));
        assertThat(column).extracting(OperatorNode::x).containsOnly(node("a").x());
        for (int i = 0; i + 1 < column.size(); i++) {
            OperatorNode upper = column.get(i);
            OperatorNode lower = column.get(i + 1);
            assertThat(lower.y()).isEqualTo(upper.y() + upper.height() + CardMetrics.ROW_GAP);
        }
        // The column is centred on the source's row.
        double columnMiddle = (node("a").y() + node("c").y() + node("c").height()) / 2;
        assertThat(columnMiddle).isCloseTo(node("src").y() + node("src").height() / 2,
                org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void cardHeight_growsWithTheRowsOfSubtaskBoxes() {
        int perRow = CardMetrics.boxesPerRow();

        assertThat(CardMetrics.height(1)).isEqualTo(CardMetrics.height(perRow));
        assertThat(CardMetrics.height(perRow + 1))
                .isEqualTo(CardMetrics.height(perRow) + CardMetrics.BOX + CardMetrics.BOX_GAP);
    }

    @Test
    void roles_followThePlaceInThePipeline() {
        graph.show(TestPipelines.wordCount());

        assertThat(graph.nodes()).extracting(OperatorNode::role).containsExactly(
                OperatorRole.SOURCE, OperatorRole.TRANSFORMATION, OperatorRole.KEYED, OperatorRole.SINK);
    }

    @Test
    void edges_connectTheNodesOfTheirOperators() {
        graph.show(TestPipelines.wordCount());

        GraphEdge hash = graph.edges().get(1);
        assertThat(hash.from()).isSameAs(node("split"));
        assertThat(hash.to()).isSameAs(node("count"));
        assertThat(hash.label()).isEqualTo("hash");
    }

    @Test
    void edgeThatSkipsLayers_runsThroughALaneOfEachColumnItCrosses_clearOfTheCards() {
        PipelineSpec sideOutput = new PipelineSpec(1, "side output",
                List.of(operator("src", "sequence-source", 2), operator("parse", "map", 2),
                        operator("count", "keyed-count", 2), operator("db", "collect-sink", 1),
                        operator("audit", "discard-sink", 1)),
                List.of(edge("src", "parse", Partitioning.FORWARD), edge("parse", "count", Partitioning.HASH),
                        edge("count", "db", Partitioning.REBALANCE), edge("src", "audit", Partitioning.BROADCAST)),
                Map.of(), true);

        graph.show(sideOutput);

        GraphEdge audit = graph.edges().get(3);
        assertThat(audit.lanes()).hasSize(2);
        List<OperatorNode> crossed = List.of(node("parse"), node("count"));
        for (int i = 0; i < 2; i++) {
            GraphEdge.Lane lane = audit.lanes().get(i);
            OperatorNode card = crossed.get(i);
            assertThat(lane.enterX()).isEqualTo(card.x());
            assertThat(lane.leaveX()).isEqualTo(card.x() + card.width());
            boolean clearOfCard = lane.y() + CardMetrics.LANE_HEIGHT / 2 <= card.y()
                    || lane.y() - CardMetrics.LANE_HEIGHT / 2 >= card.y() + card.height();
            assertThat(clearOfCard).as("lane %s clear of card %s", lane, card).isTrue();
        }
        assertThat(graph.edges().get(0).lanes()).isEmpty();
    }

    @Test
    void autoLayout_putsDraggedCardsBack() {
        graph.show(TestPipelines.wordCount());
        double x = node("count").x();
        double y = node("count").y();
        node("count").moveTo(900, -300);

        graph.autoLayout();

        assertThat(node("count").x()).isEqualTo(x);
        assertThat(node("count").y()).isEqualTo(y);
    }

    @Test
    void show_withAnEdgeToAnUnknownOperator_failsAndKeepsTheGraphShown() {
        graph.show(TestPipelines.wordCount());
        PipelineSpec dangling = new PipelineSpec(1, "dangling", List.of(operator("a", "map", 1)),
                List.of(edge("a", "ghost", Partitioning.FORWARD)), Map.of(), true);

        assertThatThrownBy(() -> graph.show(dangling)).hasMessageContaining("unknown node 'ghost'");

        assertThat(graph.pipelineProperty().get().name()).isEqualTo("Word count");
        assertThat(graph.nodes()).hasSize(4);
    }

    @Test
    void contentBounds_enclosesEveryCard() {
        graph.show(TestPipelines.wordCount());
        node("sink").moveTo(2000, 700);

        Bounds bounds = graph.contentBounds();

        assertThat(bounds.getMinX()).isEqualTo(node("sentences").x());
        assertThat(bounds.getMaxX()).isEqualTo(2000 + CardMetrics.WIDTH);
        assertThat(bounds.getMaxY()).isEqualTo(700 + node("sink").height());
    }

    @Test
    void clear_emptiesTheGraph() {
        graph.show(TestPipelines.wordCount());

        graph.clear();

        assertThat(graph.nodes()).isEmpty();
        assertThat(graph.edges()).isEmpty();
        assertThat(graph.pipelineProperty().get()).isNull();
    }
}
