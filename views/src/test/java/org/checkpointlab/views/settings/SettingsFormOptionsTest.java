package org.checkpointlab.views.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.Retention;
import org.checkpointlab.model.pipeline.CheckpointOption;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.TestPipelines;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.session.FakeJobClient;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every declared checkpoint option goes from the settings form into the pipeline and back into the form. */
class SettingsFormOptionsTest {
    private static final CheckpointOptions ALL_CHANGED = new CheckpointOptions(Duration.ofMillis(1500),
            CheckpointingMode.AT_LEAST_ONCE, Duration.ofSeconds(45), Duration.ofMillis(250), 3, 2, true,
            Duration.ofMillis(20), Retention.RETAIN_ON_CANCELLATION, 7, Path.of("chk-dir"));

    static Stream<CheckpointOption<?>> options() {
        return CheckpointOption.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void eachOption_setInTheForm_isSavedInThePipeline_andShownAgain(CheckpointOption<?> option) {
        CommandStack edits = new CommandStack(EditablePipeline.of(TestPipelines.wordCount(), Map.of()));
        SettingsViewModel form = new SettingsViewModel(session(), edits);
        CheckpointOptions changed = changed(option);

        set(form, option, changed);
        assertThat(form.apply()).as(form.problems().toString()).isTrue();

        PipelineSpec saved = edits.current().spec();
        assertThat(saved.checkpointing().written()).containsOnlyKeys(option.key());
        assertThat(saved.checkpointing().options()).isEqualTo(changed);
        SettingsViewModel reopened = new SettingsViewModel(session(), edits);
        assertThat(reopened.options()).contains(changed);
    }

    private static JobSession session() {
        return new JobSession(FakeJobClient.Launcher.everyCapability(), TaskRunner.sameThread(),
                Path.of("target", "savepoints"));
    }

    private static <T> CheckpointOptions changed(CheckpointOption<T> option) {
        return option.with(CheckpointOptions.defaults(), option.get(ALL_CHANGED));
    }

    /** What a user does in the form: types the text, picks the choice, ticks the box. */
    private static void set(SettingsViewModel form, CheckpointOption<?> option, CheckpointOptions changed) {
        if (SettingsViewModel.TEXT_KEYS.contains(option.key())) {
            form.text(option.key()).set(option.text(changed));
        } else if (option == CheckpointOption.MODE) {
            form.modeProperty().set(changed.mode());
        } else if (option == CheckpointOption.UNALIGNED) {
            form.unalignedProperty().set(changed.unaligned());
        } else if (option == CheckpointOption.RETENTION) {
            form.retentionProperty().set(changed.retention());
        } else {
            throw new AssertionError("the settings form has no field for " + option);
        }
    }
}
