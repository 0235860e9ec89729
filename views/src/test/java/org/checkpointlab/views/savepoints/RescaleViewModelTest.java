package org.checkpointlab.views.savepoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.session.RescalePipelines;
import org.checkpointlab.views.session.RescalePlan;
import org.junit.jupiter.api.Test;

class RescaleViewModelTest {
    /** numbers(2) -hash-> count(2, max 16) -forward-> slow(2) -rebalance-> sink(1). */
    private static final PipelineSpec RUNNING = RescalePipelines.running(16);

    private final List<Map<String, Integer>> requested = new ArrayList<>();

    private RescaleViewModel dialog() {
        return new RescaleViewModel(RUNNING, wanted -> {
            requested.add(wanted);
            return RescalePlan.of(RUNNING, wanted);
        });
    }

    private static OperatorRestoreRow row(RescaleViewModel vm, String id) {
        return vm.operators().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void rows_showEachOperatorsParallelismAndMaxParallelism_andAskForAChoice() {
        RescaleViewModel vm = dialog();

        assertThat(vm.operators()).extracting(OperatorRestoreRow::id, OperatorRestoreRow::savedParallelism,
                OperatorRestoreRow::maxParallelism).containsExactly(
                org.assertj.core.groups.Tuple.tuple("numbers", 2, 128),
                org.assertj.core.groups.Tuple.tuple("count", 2, 16),
                org.assertj.core.groups.Tuple.tuple("slow", 2, 128),
                org.assertj.core.groups.Tuple.tuple("sink", 1, 128));
        assertThat(vm.feasibleProperty().get()).isFalse();
        assertThat(vm.problems()).as("nothing chosen yet is not a problem").isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo(RescaleViewModel.CHOOSE_HINT);
    }

    @Test
    void everyChange_isCheckedAtOnce_andRescaleHandsTheChoiceOn() {
        RescaleViewModel vm = dialog();

        row(vm, "count").newParallelism().set(4);
        assertThat(vm.feasibleProperty().get()).isFalse();
        assertThat(vm.problems()).anySatisfy(p -> assertThat(p).contains("forward"));

        row(vm, "slow").newParallelism().set(4);
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("Rescale count 2 \u2192 4, slow 2 \u2192 4");

        assertThat(vm.rescale()).isTrue();
        assertThat(requested).containsExactly(Map.of("numbers", 2, "count", 4, "slow", 4, "sink", 1));
    }

    @Test
    void withoutARunningJob_theDialogSaysSoAndRescalesNothing() {
        RescaleViewModel vm = new RescaleViewModel(null, wanted -> {
            throw new AssertionError("nothing should be rescaled");
        });

        assertThat(vm.operators()).isEmpty();
        assertThat(vm.problems()).containsExactly("no running job: run the pipeline first");
        assertThat(vm.rescale()).isFalse();
    }
}
