package org.checkpointlab.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RestartStrategy;
import org.junit.jupiter.api.Test;

class LabDefaultsTest {

    @Test
    void checkpointingSection_turnsCheckpointingOnAtTheLabInterval_soFlinksRestartDefaultIsExponentialDelay() {
        CheckpointOptions options = LabDefaults.checkpointing().options();
        PipelineSpec spec = new PipelineSpec(1, "p", List.of(), List.of(), LabDefaults.checkpointing(), true);

        assertThat(options.interval()).isEqualTo(LabDefaults.CHECKPOINT_INTERVAL);
        assertThat(options.withInterval(null)).as("everything else is Flink's default")
                .isEqualTo(CheckpointOptions.defaults());
        assertThat(JobConfig.of(spec).withCheckpointOptions(options).effectiveRestartStrategy())
                .isInstanceOf(RestartStrategy.ExponentialDelay.class);
    }

    @Test
    void sourcesRunUntilStoppedAtAWatchableRate_otherKindsKeepTheirDefaults() {
        OperatorSpec sequence = new OperatorSpec("s", null, "sequence-source", 1, null,
                LabDefaults.params(OperatorKind.SEQUENCE_SOURCE));
        OperatorSpec sentences = new OperatorSpec("t", null, "sentence-source", 1, null,
                LabDefaults.params(OperatorKind.SENTENCE_SOURCE));

        assertThat(OperatorKind.SEQUENCE_SOURCE.paramsOf(sequence).getLong("count")).isZero();
        assertThat(OperatorKind.SEQUENCE_SOURCE.paramsOf(sequence).getLong("ratePerSecond"))
                .isEqualTo(LabDefaults.RECORDS_PER_SECOND);
        assertThat(OperatorKind.SENTENCE_SOURCE.paramsOf(sentences).getLong("count")).isZero();
        assertThat(OperatorKind.SENTENCE_SOURCE.paramsOf(sentences).getLong("ratePerSecond"))
                .isEqualTo(LabDefaults.SENTENCES_PER_SECOND);
        for (OperatorKind kind : OperatorKind.values()) {
            if (kind.role() != OperatorKind.Role.SOURCE) {
                assertThat(LabDefaults.params(kind)).as(kind.jsonName()).isEmpty();
            } else {
                assertThat(LabDefaults.params(kind)).as(kind.jsonName()).containsKeys("count", "ratePerSecond");
            }
        }
    }
}
