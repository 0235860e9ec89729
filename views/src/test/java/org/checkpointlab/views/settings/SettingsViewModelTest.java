package org.checkpointlab.views.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.Retention;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    private final SettingsViewModel form = new SettingsViewModel(new JobSession(config -> {
        throw new AssertionError("the form starts no job");
    }, TaskRunner.sameThread(),
            Path.of("target", "savepoints")));

    @Test
    void withoutAJob_theFormShowsFlinksDefaults_andTheyAreValid() {
        assertThat(form.text("interval").get()).isEqualTo("off");
        assertThat(form.text("timeout").get()).isEqualTo("10m");
        assertThat(form.text("maxConcurrent").get()).isEqualTo("1");
        assertThat(form.text("directory").get()).isEmpty();
        assertThat(form.modeProperty().get()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(form.problems()).isEmpty();
        assertThat(form.options()).contains(CheckpointOptions.defaults());
        assertThat(SettingsViewModel.defaultText("minPause")).isEqualTo("0ms");
    }

    @Test
    void negativeInterval_isRefusedWithAMessageNamingTheField() {
        form.text("interval").set("-1s");
        assertThat(form.problems()).singleElement().asString()
                .startsWith("Checkpoint interval: ")
                .contains("'-1s' is negative");
        assertThat(form.options()).isEmpty();
    }

    @Test
    void unalignedWithAtLeastOnce_isRefused_becauseUnalignedNeedsExactlyOnce() {
        form.unalignedProperty().set(true);
        assertThat(form.problems()).isEmpty();
        form.modeProperty().set(CheckpointingMode.AT_LEAST_ONCE);
        assertThat(form.problems()).containsExactly("unaligned checkpoints require exactly-once mode");
    }

    @Test
    void wholeNumberFields_refuseText_andNamedLimitsAreChecked() {
        form.text("maxConcurrent").set("two");
        form.text("retained").set("0");
        assertThat(form.problems()).containsExactly(
                "Max concurrent checkpoints: must be a whole number, was 'two'",
                "retained checkpoints must be at least 1, was 0");
    }

    @Test
    void everyFieldIsReadIntoTheOptions() {
        form.text("interval").set("500ms");
        form.text("timeout").set("1m");
        form.text("minPause").set("100ms");
        form.text("tolerableFailures").set("3");
        form.text("alignedTimeout").set("50ms");
        form.text("retained").set("2");
        form.text("directory").set("target/chk");
        form.unalignedProperty().set(true);
        form.retentionProperty().set(Retention.RETAIN_ON_CANCELLATION);
        CheckpointOptions o = form.options().orElseThrow();
        assertThat(o.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.timeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(o.minPause()).isEqualTo(Duration.ofMillis(100));
        assertThat(o.tolerableFailures()).isEqualTo(3);
        assertThat(o.alignedTimeout()).isEqualTo(Duration.ofMillis(50));
        assertThat(o.retained()).isEqualTo(2);
        assertThat(o.directory()).isEqualTo(Path.of("target/chk"));
        assertThat(o.unaligned()).isTrue();
        assertThat(o.retention()).isEqualTo(Retention.RETAIN_ON_CANCELLATION);
    }

    @Test
    void applyWithoutARunningJob_saysSo_andChangesNothing() {
        form.text("interval").set("1s");
        assertThat(form.apply()).isFalse();
        assertThat(form.problems()).containsExactly("no running job: start the pipeline first");
    }

    @Test
    void incrementalOnHeap_isRefusedBeforeAnythingIsStopped() {
        form.backendProperty().set(StateBackendKind.HASHMAP);
        form.incrementalProperty().set(true);
        assertThat(form.redeploy()).isFalse();
        assertThat(form.redeployProblems())
                .containsExactly("Incremental checkpoints need the RocksDB state backend (as in Flink)");
    }

    @Test
    void restartChoices_buildTheirStrategies() {
        assertThat(RestartChoice.FIXED_DELAY.strategy(3, Duration.ofSeconds(2)))
                .isEqualTo(new RestartStrategy.FixedDelay(3, Duration.ofSeconds(2)));
        assertThat(RestartChoice.DEFAULT.strategy(3, Duration.ofSeconds(1))).isNull();
        assertThat(RestartChoice.of(new RestartStrategy.FailureRate(2, Duration.ofMinutes(1), Duration.ofSeconds(1))))
                .isEqualTo(RestartChoice.FAILURE_RATE);
    }
}
