package org.checkpointlab.views.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.checkpointlab.model.lesson.LessonFiles;
import org.checkpointlab.model.lesson.StepCondition;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a step waits for, in words the window shows: operators by their names, tabs by their labels. */
class LessonTextsTest {
    private static PipelineSpec wordCount;

    @BeforeAll
    static void readLesson() throws Exception {
        wordCount = LessonFiles.read(Path.of("..", "samples", "lessons", "1-checkpoints-and-recovery.yaml"))
                .pipeline();
    }

    @Test
    void operatorsAreNamedAsTheGraphShowsThem_notByTheirIds() {
        LessonTexts en = new LessonTexts(Locale.ENGLISH);

        assertThat(en.waitingFor(new StepCondition.SubtaskFailed("count"), wordCount))
                .isEqualTo("a subtask of Count per word to fail");
        assertThat(en.waitingFor(new StepCondition.ChannelBlocked(null, "count"), wordCount))
                .isEqualTo("a channel into Count per word to be blocked by alignment");
        assertThat(new LessonTexts(Locale.SIMPLIFIED_CHINESE)
                .waitingFor(new StepCondition.SubtaskFailed("count"), wordCount)).isEqualTo("Count per word 的某个子任务失败");
    }

    @Test
    void openingATab_isSaidWithTheTabsLabel_inTheWindowsLanguage() {
        StepCondition openOutput = new StepCondition.UserDid("tab:output");

        assertThat(new LessonTexts(Locale.ENGLISH).waitingFor(openOutput, wordCount))
                .isEqualTo("you to open the Output tab");
        assertThat(new LessonTexts(Locale.SIMPLIFIED_CHINESE).waitingFor(openOutput, wordCount))
                .isEqualTo("你打开“输出”标签页");
        assertThat(new LessonTexts(Locale.ENGLISH).waitingFor(new StepCondition.UserDid("zoom"), wordCount))
                .as("an action the window has no label for is named as written").isEqualTo("you to do: zoom");
    }

    @Test
    void aBarrierMode_isNamedAsTheToolbarsChoice() {
        StepCondition unaligned = new StepCondition.BarriersAre("unaligned", false);

        assertThat(new LessonTexts(Locale.ENGLISH).waitingFor(unaligned, wordCount))
                .isEqualTo("barriers: unaligned (exactly-once)");
        assertThat(new LessonTexts(Locale.SIMPLIFIED_CHINESE).waitingFor(unaligned, wordCount))
                .isEqualTo("屏障模式：非对齐（精确一次）");
    }

    @Test
    void aCheckpointTakenAtLeastOnce_isSaidSo() {
        StepCondition atLeastOnce = new StepCondition.CheckpointCompleted(1, null, true, 0, 0, 0, 0, false);

        assertThat(new LessonTexts(Locale.ENGLISH).waitingFor(atLeastOnce, wordCount))
                .isEqualTo("an at-least-once checkpoint to complete");
        assertThat(new LessonTexts(Locale.SIMPLIFIED_CHINESE).waitingFor(atLeastOnce, wordCount))
                .isEqualTo("一个至少一次检查点完成");
    }

    @Test
    void aStepsEventOnceSeen_isSaidAsWhatHappened_forEveryStepOfEveryShippedLesson() throws Exception {
        LessonTexts en = new LessonTexts(Locale.ENGLISH);
        LessonTexts zh = new LessonTexts(Locale.SIMPLIFIED_CHINESE);
        assertThat(en.seen(new StepCondition.BarrierReached("count", 0), wordCount))
                .isEqualTo("a barrier reached Count per word");
        assertThat(zh.seen(new StepCondition.SubtaskFailed("count"), wordCount)).isEqualTo("Count per word 的某个子任务失败了");
        try (var files = java.nio.file.Files.list(Path.of("..", "samples", "lessons"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                var lesson = LessonFiles.read(file);
                for (var step : lesson.steps()) {
                    assertThat(en.seen(step.condition(), lesson.pipeline())).as(file + " " + step.id()).isNotBlank()
                            .isNotEqualTo(en.waitingFor(step.condition(), lesson.pipeline()));
                    assertThat(zh.seen(step.condition(), lesson.pipeline())).isNotBlank();
                }
            }
        }
    }
}
