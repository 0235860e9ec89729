package org.checkpointlab.views.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.checkpointlab.views.graph.LayeredLayout.Layering;
import org.checkpointlab.views.graph.LayeredLayout.Link;
import org.checkpointlab.views.graph.LayeredLayout.Placement;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {

    private static Link link(String from, String to) {
        return new Link(from, to);
    }

    @Test
    void chain_placesEachOperatorOneLayerRightOfItsInput() {
        Layering layering = LayeredLayout.compute(List.of("source", "split", "count", "sink"),
                List.of(link("source", "split"), link("split", "count"), link("count", "sink")));

        assertThat(layering.layers()).containsExactly(
                List.of("source"), List.of("split"), List.of("count"), List.of("sink"));
    }

    @Test
    void layerOfANode_isTheLongestPathFromAnySource() {
        // a -> b -> c -> d and a -> d: d must sit right of c, not next to a.
        Layering layering = LayeredLayout.compute(List.of("a", "b", "c", "d", "e"),
                List.of(link("a", "b"), link("b", "c"), link("c", "d"), link("a", "d"), link("d", "e")));

        assertThat(layering.placement("d").layer()).isEqualTo(3);
        assertThat(layering.placement("e").layer()).isEqualTo(4);
    }

    @Test
    void sources_areInLayerZero_andSinksInTheLastLayer_evenOnShortBranches() {
        // A side output goes straight from the source to its own sink; the main branch is longer.
        Layering layering = LayeredLayout.compute(List.of("clicks", "audit", "parse", "window", "db", "orders"),
                List.of(link("clicks", "audit"), link("clicks", "parse"), link("parse", "window"),
                        link("window", "db"), link("orders", "window")));

        int last = layering.layerCount() - 1;
        assertThat(layering.placement("clicks").layer()).isZero();
        assertThat(layering.placement("orders").layer()).isZero();
        assertThat(layering.placement("audit").layer()).isEqualTo(last);
        assertThat(layering.placement("db").layer()).isEqualTo(last);
        assertThat(last).isEqualTo(3);
    }

    @Test
    void longLink_getsABendInEveryLayerItCrosses_keepingItsLaneFreeOfCards() {
        // a -> b -> c -> d and a -> d: the short cut crosses layers 1 and 2.
        Link shortCut = link("a", "d");
        Layering layering = LayeredLayout.compute(List.of("a", "b", "c", "d"),
                List.of(link("a", "b"), link("b", "c"), link("c", "d"), shortCut));

        List<Placement> bends = layering.bends(shortCut);
        assertThat(bends).extracting(Placement::layer).containsExactly(1, 2);
        assertThat(bends.get(0)).isNotEqualTo(layering.placement("b"));
        assertThat(bends.get(1)).isNotEqualTo(layering.placement("c"));
        assertThat(layering.columns().get(1)).hasSize(2);
        assertThat(layering.bends(link("a", "b"))).isEmpty();
    }

    @Test
    void withoutCrossings_theVerticalOrderFollowsTheInputOrder() {
        Layering layering = LayeredLayout.compute(List.of("s1", "s2", "m1", "m2"),
                List.of(link("s1", "m1"), link("s2", "m2")));

        assertThat(layering.layers()).containsExactly(List.of("s1", "s2"), List.of("m1", "m2"));
    }

    @Test
    void barycenterOrdering_removesCrossingsThatTheInputOrderWouldCause() {
        // Input order would draw s1->b and s2->a crossing.
        List<Link> links = List.of(link("s1", "b"), link("s2", "a"), link("a", "x"), link("b", "y"));
        Layering layering = LayeredLayout.compute(List.of("s1", "s2", "a", "b", "x", "y"), links);

        assertThat(LayeredLayout.crossings(layering, links)).isZero();
        assertThat(layering.placement("b").order()).isLessThan(layering.placement("a").order());
        assertThat(layering.placement("y").order()).isLessThan(layering.placement("x").order());
    }

    @Test
    void crossingReduction_findsTheCrossingFreeOrderOfATwoLayerZigzag() {
        // Three sources each feeding a sink listed in reverse order.
        List<Link> links = List.of(link("a", "z"), link("b", "y"), link("c", "x"));
        Layering layering = LayeredLayout.compute(List.of("a", "b", "c", "x", "y", "z"), links);

        assertThat(LayeredLayout.crossings(layering, links)).isZero();
        assertThat(layering.layers().get(1)).containsExactly("z", "y", "x");
    }

    @Test
    void diamond_keepsBothBranchesInTheMiddleLayerAndJoinsOnTheRight() {
        Layering layering = LayeredLayout.compute(List.of("src", "left", "right", "join"),
                List.of(link("src", "left"), link("src", "right"), link("left", "join"), link("right", "join")));

        assertThat(layering.layers()).containsExactly(List.of("src"), List.of("left", "right"), List.of("join"));
    }

    @Test
    void isolatedNode_staysInLayerZero() {
        Layering layering = LayeredLayout.compute(List.of("a", "b", "lonely"), List.of(link("a", "b")));

        assertThat(layering.placement("lonely")).isEqualTo(new Placement(0, 1));
    }

    @Test
    void cycle_isBrokenInsteadOfLoopingForever() {
        Layering layering = LayeredLayout.compute(List.of("a", "b", "c"),
                List.of(link("a", "b"), link("b", "c"), link("c", "a")));

        assertThat(layering.placement("a").layer()).isZero();
        assertThat(layering.placement("b").layer()).isEqualTo(1);
        assertThat(layering.placement("c").layer()).isEqualTo(2);
    }

    @Test
    void linkToUnknownNode_isRejectedNamingTheLinkAndTheNode() {
        assertThatThrownBy(() -> LayeredLayout.compute(List.of("a"), List.of(link("a", "ghost"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a -> ghost")
                .hasMessageContaining("unknown node 'ghost'");
    }

    @Test
    void duplicateNodeId_isRejectedNamingTheId() {
        assertThatThrownBy(() -> LayeredLayout.compute(List.of("a", "a"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate node id 'a'");
    }

    @Test
    void emptyGraph_hasNoLayers() {
        assertThat(LayeredLayout.compute(List.of(), List.of()).layerCount()).isZero();
    }
}
