package org.checkpointlab.views.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;

class RescalePlanTest {
    /** numbers(2) -hash-> count(2, max 8) -forward-> slow(2) -rebalance-> sink(1). */
    private static final PipelineSpec RUNNING = RescalePipelines.running(8);

    private static Map<String, Integer> ordered(Object... idsAndParallelism) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < idsAndParallelism.length; i += 2) {
            map.put((String) idsAndParallelism[i], (Integer) idsAndParallelism[i + 1]);
        }
        return map;
    }

    @Test
    void feasiblePlan_listsTheChangesAndTheParallelismOfEveryOperator() {
        RescalePlan plan = RescalePlan.of(RUNNING, ordered("count", 4, "slow", 4, "sink", 1));

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.changes()).containsExactly(Map.entry("count", 4), Map.entry("slow", 4));
        assertThat(plan.parallelism()).containsExactly(Map.entry("numbers", 2), Map.entry("count", 4),
                Map.entry("slow", 4), Map.entry("sink", 1));
        assertThat(plan.describe()).isEqualTo("count 2 \u2192 4, slow 2 \u2192 4");
    }

    @Test
    void parallelismAboveTheMaxParallelism_isRefusedNamingTheKeyGroups() {
        RescalePlan explicit = RescalePlan.of(RUNNING, ordered("count", 9, "slow", 9));
        RescalePlan byDefault = RescalePlan.of(RUNNING, ordered("numbers", 200));

        assertThat(explicit.problems()).containsExactly("parallelism of 'count' cannot be 9: its max parallelism "
                + "is 8 (the number of key groups, fixed when the job first started)");
        assertThat(byDefault.problems()).singleElement().asString()
                .startsWith("parallelism of 'numbers' cannot be 200: its max parallelism is 128");
    }

    @Test
    void forwardEdgeLeftBetweenDifferentParallelism_isRefusedByThePipelineValidation() {
        RescalePlan plan = RescalePlan.of(RUNNING, Map.of("count", 4));

        assertThat(plan.feasible()).isFalse();
        assertThat(plan.problems()).anySatisfy(p -> assertThat(p).contains("count").contains("slow")
                .contains("forward"));
    }

    @Test
    void unknownOperatorsZeroAndNoChange_areRefused() {
        assertThat(RescalePlan.of(RUNNING, Map.of("ghost", 2)).problems())
                .containsExactly("the running job has no operator 'ghost'");
        assertThat(RescalePlan.of(RUNNING, Map.of("sink", 0)).problems())
                .containsExactly("parallelism of 'sink' must be at least 1, was 0");
        assertThat(RescalePlan.of(RUNNING, Map.of("sink", 1)).problems())
                .containsExactly("nothing to rescale: every operator already runs at the chosen parallelism");
    }
}
