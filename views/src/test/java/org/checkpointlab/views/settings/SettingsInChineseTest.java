package org.checkpointlab.views.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.OptionProblem;
import org.checkpointlab.model.pipeline.CheckpointOption;
import org.checkpointlab.model.pipeline.CheckpointingConfig;
import org.checkpointlab.model.pipeline.OptionValueException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.TestPipelines;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.i18n.InChinese;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.FakeJobClient;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.OptionTexts;
import org.checkpointlab.views.session.Problems;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The checkpointing settings' problems in the Chinese window: a value typed that is not of the option's form, options
 * that do not go together (the Settings tab, the editor's problems of a file's checkpointing section) and Flink's
 * default storage, worded from the Chinese bundle; what the user typed stays as typed. Runs in the JVM of the
 * {@code *InChineseTest}s (views/pom.xml).
 */
@ExtendWith(InChinese.class)
class SettingsInChineseTest {

    private static SettingsViewModel form() {
        JobSession session = new JobSession(FakeJobClient.Launcher.everyCapability(), TaskRunner.sameThread(),
                Path.of("target", "savepoints"));
        return new SettingsViewModel(session,
                new CommandStack(EditablePipeline.of(TestPipelines.wordCount(), Map.of())));
    }

    @Test
    void badValuesTyped_andOptionsThatDoNotGoTogether_areChinese() {
        SettingsViewModel form = form();
        form.text("interval").set("2x");
        form.text("maxConcurrent").set("abc");
        form.text("tolerableFailures").set("-1");
        form.text("timeout").set("");

        assertThat(form.problems()).containsExactly(
                "检查点间隔：'2x' 不是时长；应为带单位 ms、s、m 或 h 的非负数（如 250ms、1.5s、2m、1h），或不带单位的毫秒数，或 off",
                OptionTexts.label("timeout") + "：不能为空（Flink 默认值为 10m）",
                "最大并发检查点数：必须是整数，实际为 'abc'",
                "可容忍的失败检查点数不能为负数，实际为 -1");
    }

    @Test
    void flinksDefaultStorage_isNamedInChinese() {
        assertThat(SettingsViewModel.defaultText("directory")).isEqualTo("jobmanager（内存，状态上限 5 MiB）");
    }

    @Test
    void everyOptionProblem_andEveryBadValue_isWordedInChinese() {
        for (OptionProblem.Kind kind : OptionProblem.Kind.values()) {
            OptionProblem p = OptionProblem.of(kind, 0);
            assertThat(Problems.of(p)).as(kind.name()).isNotEqualTo(p.english()).doesNotContain("{")
                    .doesNotContainPattern("\\b(checkpoints?|must|was|require|mode)\\b");
        }
        for (String[] typed : List.of(new String[] {"interval", "-1s"}, new String[] {"timeout", "-1s"},
                new String[] {"timeout", "soon"}, new String[] {"retained", "1.5"})) {
            CheckpointOption<?> option = CheckpointOption.byKey(typed[0]).orElseThrow();
            try {
                option.parseText(typed[1]);
                throw new AssertionError(typed[0] + " took " + typed[1]);
            } catch (OptionValueException e) {
                assertThat(Problems.of(e)).as(typed[1]).isNotEqualTo(e.getMessage()).contains(typed[1])
                        .doesNotContainPattern("\\b(must|was|negative|duration|expected)\\b");
            }
        }
    }

    @Test
    void theEditorsCheckpointingProblems_areChinese() {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("unaligned", true);
        section.put("mode", "at-least-once");
        PipelineSpec wordCount = TestPipelines.wordCount();
        PipelineSpec spec = wordCount.withCheckpointing(CheckpointingConfig.written(section));

        assertThat(EditablePipeline.of(spec, Map.of()).problems()).containsExactly("检查点配置：非对齐检查点要求精确一次模式");
    }

    @Test
    void aFilesUnknownKeysAndValuesOfTheWrongForm_areChinese() {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("intervall", "1s");
        section.put("timeout", "soon");
        section.put("maxConcurrent", 1.5);
        PipelineSpec spec = TestPipelines.wordCount().withCheckpointing(CheckpointingConfig.written(section));

        assertThat(EditablePipeline.of(spec, Map.of()).problems()).containsExactly(
                "检查点配置：'timeout'：'soon' 不是时长；应为带单位 ms、s、m 或 h 的非负数（如 250ms、1.5s、2m、1h），或不带单位的毫秒数",
                "检查点配置：'maxConcurrent'：必须是整数，实际为 '1.5'",
                "检查点配置：未知的键 'intervall'（已知的键：" + String.join(", ",
                        org.checkpointlab.model.pipeline.CheckpointOptionsJson.KEYS) + "）");
    }

    @Test
    void theEnglishBundle_keepsTheCommandLinesWords() {
        Texts.use(Locale.ENGLISH);
        try {
            CheckpointOptions bad = CheckpointOptions.defaults().withMaxConcurrent(0).withTolerableFailures(-2);
            assertThat(Problems.ofOptions(bad)).isEqualTo(bad.problems());
            for (OptionProblem.Kind kind : OptionProblem.Kind.values()) {
                OptionProblem p = OptionProblem.of(kind, 0);
                assertThat(Problems.of(p)).isEqualTo(p.english());
            }
            for (String[] typed : List.of(new String[] {"interval", "-1s"}, new String[] {"interval", "2x"},
                    new String[] {"timeout", "-1s"}, new String[] {"timeout", "soon"}, new String[] {"timeout", ""},
                    new String[] {"retained", "two"})) {
                try {
                    CheckpointOption.byKey(typed[0]).orElseThrow().parseText(typed[1]);
                    throw new AssertionError(typed[0] + " took " + typed[1]);
                } catch (OptionValueException e) {
                    assertThat(Problems.of(e)).isEqualTo(e.getMessage());
                }
            }
        } finally {
            Texts.use(Locale.SIMPLIFIED_CHINESE);
        }
    }
}
