package org.checkpointlab.views.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;

/** Which edited pipelines are the one a job runs, so that showing them keeps the job (after a rescale). */
class RunningPipelineTest {

    private static PipelineSpec pipeline(int countParallelism, Integer maxParallelism) {
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "p",
                List.of(new OperatorSpec("numbers", null, "sequence-source", 2, maxParallelism, Map.of("count", 10L)),
                        new OperatorSpec("count", null, "keyed-count", countParallelism, maxParallelism, Map.of())),
                List.of(new EdgeSpec("numbers", "count", Partitioning.HASH)), Map.of(), true);
    }

    @Test
    void maxParallelismTheJobResolvedItself_doesNotMakeItAnotherPipeline() {
        assertThat(RunningPipeline.describes(pipeline(4, null), pipeline(4, 128))).isTrue();
    }

    @Test
    void anotherParallelismOrAnExplicitOtherMaxParallelism_isAnotherPipeline() {
        assertThat(RunningPipeline.describes(pipeline(2, null), pipeline(4, 128))).isFalse();
        assertThat(RunningPipeline.describes(pipeline(4, 256), pipeline(4, 128))).isFalse();
    }

    @Test
    void checkpointSettingsChangedWhileTheJobRuns_doNotMakeItAnotherPipeline() {
        PipelineSpec running = pipeline(4, null);
        PipelineSpec edited = new PipelineSpec(running.format(), running.name(), running.operators(), running.edges(),
                Map.of("interval", "750ms"), running.chaining());
        assertThat(RunningPipeline.describes(edited, running)).isTrue();
    }
}
