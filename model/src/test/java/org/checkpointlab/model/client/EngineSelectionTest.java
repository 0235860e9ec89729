package org.checkpointlab.model.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;

class EngineSelectionTest {

    /** An engine that refuses pipelines with an operator of parallelism above 2 and records what it started. */
    private static final class NarrowEngine implements JobEngine {
        final List<JobConfig> started = new ArrayList<>();
        int prepared;

        @Override
        public String id() {
            return "narrow";
        }

        @Override
        public String displayName() {
            return "Narrow engine";
        }

        @Override
        public List<String> refusals(JobConfig config) {
            return config.pipeline().operators().stream().filter(op -> op.parallelism() > 2)
                    .map(op -> "operator '" + op.id() + "': parallelism " + op.parallelism() + " above 2").toList();
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> prepare() {
            prepared++;
            return JobEngine.super.prepare();
        }

        @Override
        public JobClient start(JobConfig config) {
            started.add(config);
            throw new IllegalStateException("not a real engine");
        }
    }

    private static JobConfig pipeline(int parallelism) {
        return JobConfig.of(new PipelineSpec(1, "p", List.of(
                new OperatorSpec("source", null, "sequence-source", parallelism, null, Map.of("count", 10)),
                new OperatorSpec("sink", null, "discard-sink", parallelism, null, Map.of())),
                List.of(new EdgeSpec("source", "sink", Partitioning.FORWARD)), Map.of(), true));
    }

    @Test
    void theFirstEngineIsChosenAtStart_andAChoiceIsKeptAndPrepared() {
        NarrowEngine narrow = new NarrowEngine();
        EngineSelection selection = new EngineSelection(List.of(JobEngine.local(), narrow));
        assertThat(selection.selected().id()).isEqualTo(JobEngine.LOCAL);

        selection.select("narrow");

        assertThat(selection.selected()).isSameAs(narrow);
        assertThat(narrow.prepared).isEqualTo(1);
        assertThatThrownBy(() -> selection.select("flink-remote")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no engine 'flink-remote'").hasMessageContaining("[local, narrow]");
    }

    @Test
    void whatTheChosenEngineRefuses_isNamedAndNothingStarts() {
        NarrowEngine narrow = new NarrowEngine();
        EngineSelection selection = new EngineSelection(List.of(JobEngine.local(), narrow));
        selection.select("narrow");

        assertThat(selection.refusals(pipeline(3))).hasSize(2);
        assertThatThrownBy(() -> selection.start(pipeline(3))).isInstanceOf(PipelineException.class)
                .satisfies(e -> assertThat(((PipelineException) e).problems()).containsExactly(
                        "Narrow engine cannot run this pipeline: operator 'source': parallelism 3 above 2",
                        "Narrow engine cannot run this pipeline: operator 'sink': parallelism 3 above 2"));
        assertThat(narrow.started).isEmpty();
    }

    @Test
    void aPipelineTheChosenEngineCanRun_startsThere() throws Exception {
        NarrowEngine narrow = new NarrowEngine();
        EngineSelection selection = new EngineSelection(List.of(JobEngine.local(), narrow));
        try (JobClient local = selection.start(pipeline(3))) {
            assertThat(local).isInstanceOf(LocalJobClient.class);
        }
        selection.select("narrow");
        assertThatThrownBy(() -> selection.start(pipeline(2))).hasMessage("not a real engine");
        assertThat(narrow.started).hasSize(1);
    }

    @Test
    void enginesNeedUniqueIds() {
        assertThatThrownBy(() -> new EngineSelection(List.of(JobEngine.local(), JobEngine.local())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not unique");
        assertThatThrownBy(() -> new EngineSelection(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
